# The app instances behind deploy/varnish/default.vcl, as shipped: two `npm run serve` processes on
# this machine (PORT=3001 and PORT=3002). Edit this file, not default.vcl, to list yours; keep the
# names default.vcl uses: the director `app` and the ACL `app_addresses`.
# (docker-compose.yml mounts deploy/compose/backends.vcl, with its services, in its place.)

probe app_health {
  # 200 while the instance's database answers (src/endpoints/health.ts); a dead or starting
  # instance is skipped after two failed probes out of three, taken back after two good ones.
  .url = "/api/health";
  .interval = 1s;
  .timeout = 2s;
  .window = 3;
  .threshold = 2;
  .initial = 1;
}

backend app1 {
  .host = "127.0.0.1";
  .port = "3001";
  .probe = app_health;
  .connect_timeout = 1s;
  .first_byte_timeout = 30s;
}

backend app2 {
  .host = "127.0.0.1";
  .port = "3002";
  .probe = app_health;
  .connect_timeout = 1s;
  .first_byte_timeout = 30s;
}

sub vcl_init {
  new app = directors.round_robin();
  app.add_backend(app1);
  app.add_backend(app2);
}

# Who may purge by key: the app instances (they send EDGE_PURGE_URL's purges), nobody else.
acl app_addresses {
  "127.0.0.1";
  "::1";
}

# The app instances of docker-compose.yml, mounted over /etc/varnish/backends.vcl in the varnish
# service: deploy/varnish/backends.vcl (127.0.0.1:3001 and :3002, processes on one machine) with
# the compose services' names. deploy/varnish/default.vcl uses the director `app` and the ACL
# `app_addresses`: keep those names.

probe app_health {
  .url = "/api/health";
  .interval = 1s;
  .timeout = 2s;
  .window = 3;
  .threshold = 2;
  .initial = 1;
}

backend app1 {
  .host = "app1";
  .port = "3000";
  .probe = app_health;
  .connect_timeout = 1s;
  .first_byte_timeout = 30s;
}

backend app2 {
  .host = "app2";
  .port = "3000";
  .probe = app_health;
  .connect_timeout = 1s;
  .first_byte_timeout = 30s;
}

sub vcl_init {
  new app = directors.round_robin();
  app.add_backend(app1);
  app.add_backend(app2);
}

# The instances' addresses on the compose network, resolved when the VCL loads (the parentheses:
# a name that does not resolve yet is skipped rather than failing the load). Not the network's
# whole range: requests published on the host's port 8080 arrive from its gateway address.
acl app_addresses {
  ("app1");
  ("app2");
  "127.0.0.1";
}

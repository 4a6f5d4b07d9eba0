# The app instances of docker-compose.yml, mounted over /etc/varnish/backends.vcl in the varnish
# service: the same list as deploy/varnish/backends.vcl (127.0.0.1:3001 and :3002 for processes on
# one machine), with the compose services' names. Keep the two files' backend and director names
# in step: deploy/varnish/default.vcl refers to them.
backend app1 {
  .host = "app1";
  .port = "3000";
  .probe = { .url = "/api/health"; .interval = 2s; .timeout = 1s; .window = 3; .threshold = 2; }
}

backend app2 {
  .host = "app2";
  .port = "3000";
  .probe = { .url = "/api/health"; .interval = 2s; .timeout = 1s; .window = 3; .threshold = 2; }
}

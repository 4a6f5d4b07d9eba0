# Varnish for docker-compose.yml: Debian's varnish and varnish-modules (for xkey, which
# deploy/varnish/default.vcl uses to purge by Surrogate-Key), the same packages the tests run.
FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends varnish varnish-modules \
 && rm -rf /var/lib/apt/lists/*
EXPOSE 8080
CMD ["varnishd", "-F", "-a", ":8080", "-f", "/etc/varnish/default.vcl", "-s", "malloc,256m"]

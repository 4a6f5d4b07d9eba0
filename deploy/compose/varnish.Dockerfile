# Varnish for docker-compose.yml: Debian's varnish and varnish-modules (for xkey, which
# deploy/varnish/default.vcl uses to purge by Surrogate-Key), the same packages the tests run.
FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends varnish varnish-modules \
 && rm -rf /var/lib/apt/lists/*
EXPOSE 8080
# vsl_mask: a log of errors and backend fetches only, as scripts/lib/cluster.mjs runs it (README,
# "The edge cache"); `varnishadm param.reset vsl_mask` for per-request logs.
CMD ["varnishd", "-F", "-a", ":8080", "-f", "/etc/varnish/default.vcl", "-s", "malloc,256m", "-p", "vsl_mask=-ReqStart,-ReqMethod,-ReqURL,-ReqProtocol,-ReqHeader,-ReqUnset,-RespProtocol,-RespStatus,-RespReason,-RespHeader,-RespUnset,-BereqHeader,-BerespHeader,-BereqUnset,-BerespUnset,-VCL_call,-VCL_return,-VCL_Log,-Timestamp,-ReqAcct,-Link,-Hit"]

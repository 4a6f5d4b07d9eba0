# Varnish 7 in front of the app instances (README, "Running several instances"): it caches reader
# pages by their `Surrogate-Key` (the cache tags of what each page shows) and drops them when the
# app purges those keys (EDGE_PURGE_URL, src/cache/edgePurge.mjs), with the xkey module of Debian's
# varnish-modules. The instances are listed in backends.vcl beside this file.
#
# It caches exactly what the app's own front cache caches (src/cache/frontCache.mjs) and nothing
# else: a GET for a reader page, with no session, preview or Authorization, not an RSC navigation,
# not /admin, /api, /next or /_next, answered 200 with a shared max age and no cookie.
vcl 4.1;

import directors;
import xkey;

# Defines the director `app` and the ACL `app_addresses`.
include "./backends.vcl";

sub vcl_recv {
  set req.backend_hint = app.backend();

  # `PURGE /` with `xkey-purge: <tag> <tag> …`, from the app only.
  if (req.method == "PURGE") {
    if (client.ip !~ app_addresses) {
      return (synth(403, "Purging is for the app's instances"));
    }
    if (!req.http.xkey-purge) {
      return (synth(400, "A purge names its keys in the xkey-purge header"));
    }
    set req.http.x-purged = xkey.purge(req.http.xkey-purge);
    return (synth(200, "Purged " + req.http.x-purged + " objects"));
  }

  if (req.method != "GET" && req.method != "HEAD") {
    return (pass);
  }
  # The admin, the API (media files included), Next's own files and the preview routes.
  if (req.url ~ "^/(admin|api|_next|next)([/?]|$)" || req.url ~ "[?&]_rsc=") {
    return (pass);
  }
  # A signed-in editor, draft mode (preview), an API client, RSC navigations and server actions.
  if (req.http.Authorization || req.http.rsc || req.http.next-router-state-tree
      || req.http.next-router-prefetch || req.http.next-action) {
    return (pass);
  }
  if (req.http.Cookie ~ "(^|;\s*)(payload-token|__prerender_bypass|__next_preview_data)=") {
    return (pass);
  }
  # Reader pages read no other cookie (the front cache ignores them too): one copy for everyone.
  unset req.http.Cookie;
  return (hash);
}

sub vcl_hash {
  # HSTS is sent for https, so the protocol a TLS proxy in front reports is part of the key.
  hash_data(req.http.X-Forwarded-Proto);
}

sub vcl_backend_response {
  # xkey files the object under each tag of its page.
  if (beresp.http.Surrogate-Key) {
    set beresp.http.xkey = beresp.http.Surrogate-Key;
  }
  if (bereq.uncacheable) {
    return (deliver);
  }
  # Only what the front cache would keep: a 200 Next marked shared-cacheable, not a stale copy,
  # setting no cookie. Anything else is fetched anew each time (hit-for-miss, 2 minutes).
  if (beresp.status != 200
      || beresp.http.Set-Cookie
      || beresp.http.Cache-Control !~ "s-maxage=[0-9]+"
      || beresp.http.Cache-Control ~ "(private|no-store|no-cache)"
      || beresp.http.x-nextjs-cache == "STALE") {
    set beresp.ttl = 120s;
    set beresp.uncacheable = true;
    return (deliver);
  }
  # A purge that was lost (the app could not reach this server) lasts at most an hour.
  if (beresp.ttl > 1h) {
    set beresp.ttl = 1h;
  }
  set beresp.grace = 10s;
  # Whole before delivery: an instance killed mid-response is retried on another one below.
  set beresp.do_stream = false;
  return (deliver);
}

sub vcl_backend_error {
  # An instance that died or refused the connection: a read is tried on the next one (the
  # director's round robin, dead instances skipped once their probe fails).
  if ((bereq.method == "GET" || bereq.method == "HEAD") && bereq.retries < 3) {
    return (retry);
  }
}

sub vcl_deliver {
  # The keys are for purging here; readers have no use for them.
  unset resp.http.xkey;
  unset resp.http.Surrogate-Key;
  if (obj.hits > 0) {
    set resp.http.x-edge-cache = "HIT";
  } else {
    set resp.http.x-edge-cache = "MISS";
  }
}

#!/bin/bash
# The crawler's browser in docker-compose (service render, in the chromedp/headless-shell image).
# Chrome serves DevTools on the loopback only, so socat (in the image) forwards the container's
# port 9222 on the render network to it. The crawler must call it by IP: DevTools answers only a
# Host header that is an IP address or localhost ("Host header is specified and is not an IP
# address or localhost"), hence the fixed address in docker-compose.yml.
# The switches are those of the k8s sidecar (k8s/base/crawler-service/deployment.yaml) and of a
# browser the crawler launches itself (HeadlessBrowser): the crawler intercepts every request of a
# page and fetches it through its SSRF guard, and should one escape, no name resolves and a direct
# connection goes to a dead proxy.
set -euo pipefail
socat TCP4-LISTEN:9222,fork,reuseaddr TCP4:127.0.0.1:9223 &
exec /headless-shell/headless-shell \
  --remote-debugging-address=127.0.0.1 \
  --remote-debugging-port=9223 \
  --no-sandbox \
  --disable-gpu \
  --disable-dev-shm-usage \
  --user-data-dir=/tmp/profile \
  --no-first-run \
  --disable-background-networking \
  --disable-component-update \
  --disable-sync \
  --disable-quic \
  --disable-extensions \
  "--host-resolver-rules=MAP * ~NOTFOUND" \
  --proxy-server=http://127.0.0.1:9 \
  "--proxy-bypass-list=<-loopback>"

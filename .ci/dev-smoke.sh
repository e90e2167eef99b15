#!/usr/bin/env bash
# Dev mode without Docker, as a developer starts it on a fresh machine: `./mvnw quarkus:dev` must fall back to
# the embedded Kubernetes API and the in-JVM AWS emulator (its one notice line), sync the demo ExternalSecrets
# (examples/demo, examples/dev) and log no ERROR and no stack trace. Passes on the "Dev demo synced" line; fails
# on an error, a demo that did not sync, or after SECONDS (300 by default, first argument). Dev mode runs in its
# own process group, stopped at the end whatever happens.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/java-env.sh
limit=${1:-300}
log=.ci/.work/dev.log
mkdir -p .ci/.work
# Whatever the machine has: the Docker profile off (GitHub's runners have Docker), no kubeconfig (fabric8 finds
# no file at KUBECONFIG), a random HTTP port and no debugger port (other builds may hold 8080 and 5005).
setsid env KUBECONFIG="$PWD/.ci/.work/no-kubeconfig" ./mvnw -B quarkus:dev -P '!docker-dev-services' \
  -Ddebug=false -Dquarkus.http.port=0 -Dquarkus.console.enabled=false -Dquarkus.analytics.disabled=true \
  < /dev/null > "$log" 2>&1 &
dev=$!
stop() {
  kill -TERM -- -$dev 2>/dev/null || return 0
  for _ in $(seq 1 30); do kill -0 -- -$dev 2>/dev/null || return 0; sleep 1; done
  kill -KILL -- -$dev 2>/dev/null || true
}
trap stop EXIT
fail() { cat "$log"; echo "dev mode: FAILED ($1; full log above)" >&2; exit 1; }
problems() { grep -E ' ERROR |^Caused by|^\s+at [a-zA-Z]|Exception:|^\[ERROR\]|Dev demo (failed|did not sync)' "$log" || true; }
SECONDS=0
while ((SECONDS < limit)); do
  [ -z "$(problems)" ] || fail "an ERROR, a stack trace or a demo that did not sync"
  if grep -q 'Dev demo synced' "$log"; then
    grep -q 'falls back to an embedded Kubernetes API at .* and the in-JVM AWS emulator at' "$log" \
      || fail "synced, but without the notice of the fallback"
    grep -E 'falls back to|^applied |^ExternalSecret |^Secret |Dev demo synced' "$log"
    echo "dev mode: OK (embedded Kubernetes API and AWS emulator, demo synced ${SECONDS}s after start)"
    exit 0
  fi
  kill -0 $dev 2>/dev/null || fail "quarkus:dev exited"
  sleep 2
done
fail "the demo did not sync within ${limit}s"

#!/usr/bin/env bash
# moto (a real AWS-compatible server) for the provider contract tests.
#
#   .ci/moto.sh install      idempotent; bookworm dependencies with apt-get, moto and its
#                            AWS client libraries from trixie unpacked (dpkg -x) into .ci/.work/moto
#   .ci/moto.sh start PORT   runs moto.server on 127.0.0.1:PORT in the background and waits until it answers
#   .ci/moto.sh stop         stops the server started by `start`
#
# Trixie packages are never installed into the bookworm system (no dpkg -i): they are only
# unpacked into a private folder that goes on PYTHONPATH.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$ROOT/.ci/.work"
MOTO_HOME="$WORK/moto"
TRIXIE_APT="$WORK/apt-trixie"
DIST_PACKAGES="$MOTO_HOME/usr/lib/python3/dist-packages"
PID_FILE="$WORK/moto.pid"
PYTHON=/usr/bin/python3

BOOKWORM_PACKAGES=(python3-dateutil python3-jmespath python3-urllib3 python3-requests python3-six
  python3-jinja2 python3-responses python3-werkzeug python3-flask python3-flask-cors
  python3-xmltodict python3-yaml python3-cryptography)
# Versions known to work together (see shared/reference/build.md).
TRIXIE_PACKAGES=(python3-moto=5.1.1-4 python3-boto3=1.37.9-1 python3-botocore=1.37.9+repack-1
  python3-s3transfer=0.11.4-1)

APT_LOCK_WAIT=(-o DPkg::Lock::Timeout=600)

log() { echo "moto.sh: $*" >&2; }

moto_importable() {
  PYTHONPATH="$DIST_PACKAGES" "$PYTHON" -c 'import moto.server, moto.secretsmanager, moto.sts' 2>/dev/null
}

install_bookworm_dependencies() {
  local missing=()
  for pkg in "${BOOKWORM_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  if ((${#missing[@]} == 0)); then
    log "bookworm dependencies already installed"
    return
  fi
  log "installing from bookworm: ${missing[*]}"
  apt-get "${APT_LOCK_WAIT[@]}" update -qq
  DEBIAN_FRONTEND=noninteractive apt-get "${APT_LOCK_WAIT[@]}" install -y -qq --no-install-recommends "${missing[@]}"
}

trixie_apt() {
  # A private apt state (lists, cache, sources) so the system's bookworm view is left untouched.
  local tool="$1"
  shift
  "$tool" -o Dir::State::Lists="$TRIXIE_APT/lists" \
    -o Dir::Cache="$TRIXIE_APT/cache" \
    -o Dir::Etc::SourceList="$TRIXIE_APT/sources.list" \
    -o Dir::Etc::SourceParts=/nonexistent \
    -o APT::Sandbox::User=root \
    "$@"
}

unpack_trixie_packages() {
  mkdir -p "$TRIXIE_APT/lists/partial" "$TRIXIE_APT/cache/archives/partial" "$TRIXIE_APT/debs"
  echo "deb http://deb.debian.org/debian trixie main" >"$TRIXIE_APT/sources.list"
  log "reading the trixie package lists"
  trixie_apt apt-get update -qq
  local specs=()
  for spec in "${TRIXIE_PACKAGES[@]}"; do
    if trixie_apt apt-cache show "$spec" >/dev/null 2>&1; then
      specs+=("$spec")
    else
      log "WARNING: $spec is no longer in trixie; taking trixie's current ${spec%%=*}"
      specs+=("${spec%%=*}")
    fi
  done
  log "downloading from trixie: ${specs[*]}"
  (cd "$TRIXIE_APT/debs" && rm -f ./*.deb && trixie_apt apt-get download -qq "${specs[@]}")
  rm -rf "$MOTO_HOME"
  mkdir -p "$MOTO_HOME"
  for deb in "$TRIXIE_APT"/debs/*.deb; do
    dpkg -x "$deb" "$MOTO_HOME"
  done
}

cmd_install() {
  install_bookworm_dependencies
  if moto_importable; then
    log "moto already unpacked in $MOTO_HOME"
  else
    unpack_trixie_packages
    moto_importable || { log "moto does not import from $DIST_PACKAGES"; exit 1; }
  fi
  log "moto $(PYTHONPATH="$DIST_PACKAGES" "$PYTHON" -c 'import moto; print(moto.__version__)') ready"
}

running_pid() {
  [[ -f "$PID_FILE" ]] || return 1
  local pid
  pid="$(cat "$PID_FILE")"
  kill -0 "$pid" 2>/dev/null && echo "$pid"
}

cmd_start() {
  local port="${1:?usage: moto.sh start PORT}"
  moto_importable || { log "moto is not installed: run .ci/moto.sh install first"; exit 1; }
  if pid="$(running_pid)"; then
    log "moto already running (pid $pid); stop it first"
    exit 1
  fi
  local endpoint="http://127.0.0.1:$port"
  if curl -s -o /dev/null "$endpoint/"; then
    log "something already answers on $endpoint; choose another port"
    exit 1
  fi
  mkdir -p "$WORK"
  local log_file="$WORK/moto-$port.log"
  PYTHONPATH="$DIST_PACKAGES" setsid nohup "$PYTHON" -m moto.server -H 127.0.0.1 -p "$port" \
    >"$log_file" 2>&1 </dev/null &
  echo $! >"$PID_FILE"
  for _ in $(seq 1 120); do
    if curl -fs -o /dev/null "$endpoint/moto-api/data.json"; then
      log "moto listening on $endpoint (pid $(cat "$PID_FILE"), log $log_file)"
      echo "$endpoint"
      return
    fi
    if ! running_pid >/dev/null; then
      log "moto exited; see $log_file"
      tail -n 20 "$log_file" >&2
      exit 1
    fi
    sleep 0.5
  done
  log "moto did not answer on $endpoint within 60 s; see $log_file"
  cmd_stop
  exit 1
}

cmd_stop() {
  if pid="$(running_pid)"; then
    kill "$pid"
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    log "moto stopped (pid $pid)"
  else
    log "moto is not running"
  fi
  rm -f "$PID_FILE"
}

case "${1:-}" in
  install) cmd_install ;;
  start) shift; cmd_start "$@" ;;
  stop) cmd_stop ;;
  *) echo "usage: $0 install | start PORT | stop" >&2; exit 2 ;;
esac

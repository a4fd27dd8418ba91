#!/usr/bin/env bash
# The project's two commands (see README):
#   bash run.sh start   install dependencies, build the site from the sample sheets in sheets/, and serve
#                       it at http://localhost:4321/ (PORT to change; BASE/SITE are honoured by the build)
#   bash run.sh test    install dependencies and Chromium (Debian package, when /usr/bin/chromium is
#                       missing), then run every test (`npm test`); extra arguments go to vitest,
#                       e.g. `bash run.sh test tests/site/xss.test.ts`
# Works on a fresh Debian machine with Node 20 and npm: scripts/node22.sh fetches Node 22 from the npm
# registry into .tools/ when the machine's node is older.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
# The official Node build trusts only its bundled CAs, Debian's node the system store; behind a
# TLS-inspecting proxy whose CA is in the system store, point the official build at that store too.
if [ -z "${NODE_EXTRA_CA_CERTS:-}" ] && [ -r /etc/ssl/certs/ca-certificates.crt ]; then
  export NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
fi
. scripts/node22.sh

say() { printf '\n== %s\n' "$*" >&2; }

# `npm ci` from the lockfile, skipped when node_modules was installed from this very lockfile (a stamp
# holds its hash). Install scripts are never run: esbuild, rolldown, sharp and pagefind ship their
# binaries as optional per-platform packages, so nothing needs a postinstall step.
install_deps() {
  local want have=""
  # A lockfile written where the registry lacks other platforms' binary packages misses their entries,
  # which `npm ci` rejects; add them (no-op when the lockfile is complete). See .ci/lock-platform-stubs.ts.
  node .ci/lock-platform-stubs.ts
  want="$(node -p "require('node:crypto').createHash('sha256').update(require('node:fs').readFileSync('package-lock.json')).digest('hex') + ' ' + process.version")"
  [ -f node_modules/.run-sh-stamp ] && have="$(cat node_modules/.run-sh-stamp)"
  if [ "$want" = "$have" ] && [ -d node_modules/astro ]; then
    say "dependencies: up to date (node_modules matches package-lock.json)"
    return
  fi
  say "dependencies: npm ci"
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
  echo "$want" > node_modules/.run-sh-stamp
}

install_chromium() {
  if [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
    return
  fi
  say "chromium: not found, installing the Debian package"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "chromium: need root (or sudo) to apt-get install chromium" >&2; exit 1; }
    sudo="sudo"
  fi
  # flock: other jobs on the same machine may be using apt at the same time.
  local lock=()
  command -v flock >/dev/null 2>&1 && lock=(flock /tmp/apt.lock)
  $sudo "${lock[@]}" env DEBIAN_FRONTEND=noninteractive sh -c \
    'apt-get update -qq && apt-get install -y -qq chromium >/dev/null'
  [ -x /usr/bin/chromium ] || { echo "chromium: installation did not produce /usr/bin/chromium" >&2; exit 1; }
}

cmd="${1:-}"
[ $# -gt 0 ] && shift
case "$cmd" in
  start)
    install_deps
    say "build: npm run build (sheets/ → content/ → dist/)"
    npm run build
    port="${PORT:-4321}"
    base="${BASE:-/}"
    say "serving dist/ at http://localhost:${port}${base}  (Ctrl-C to stop)"
    exec node_modules/.bin/astro preview --port "$port"
    ;;
  test)
    install_deps
    install_chromium
    say "tests: npm test $*"
    npm test -- "$@"
    ;;
  *)
    echo "usage: bash run.sh start | bash run.sh test [vitest args…]" >&2
    exit 2
    ;;
esac

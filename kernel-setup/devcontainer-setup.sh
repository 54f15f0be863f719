#!/usr/bin/env bash
# Set-up of the devcontainer (devcontainer.json's postCreateCommand); safe to run again.
#   1. npm ci: the locked packages (its `prepare` script builds dist/).
#   2. Wait for the docker-in-docker engine that the container's entrypoint starts (up to 60 s).
#   3. docker-net-lab setup: Jupyter and host tools (Debian packages), the toolbox image, the project kernelspec;
#      as root it also installs and starts an engine when none answers (a container without the feature).
# Runs as root (devcontainer.json sets remoteUser root: the labs use ip netns, iptables, nsenter). As another user it
# needs passwordless sudo: the root-only parts run under sudo, then setup runs again as the user for the kernelspec.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
log() { printf '[devcontainer-setup] %s\n' "$*"; }

log "node $(node --version), npm $(npm --version), in $(pwd) as $(id -un)"
node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' || {
  log "docker-net-lab needs Node >= 20.19 (found $(node --version)); use the devcontainer's image or install Node 20."
  exit 2
}

log "npm ci"
npm ci --no-audit --no-fund

if ! docker version >/dev/null 2>&1 && pgrep -x dockerd >/dev/null 2>&1; then
  log "waiting for the docker-in-docker engine to answer"
  for _ in $(seq 1 60); do docker version >/dev/null 2>&1 && break; sleep 1; done
fi

if [ "$(id -u)" -eq 0 ]; then
  npm run --silent setup
elif sudo -n true 2>/dev/null; then
  log "not root: the engine, Debian packages and image are set up with sudo, the kernelspec as $(id -un)"
  sudo -n "$(command -v node)" dist/cli/bin.js setup
  npm run --silent setup
else
  log "not root and no passwordless sudo: run 'sudo node dist/cli/bin.js setup' once, then 'npm run setup'."
  exit 2
fi

log "done in $(($(date +%s) - started)) s. Next: npm start (Jupyter on port 8888, forwarded), then open labs/01-docker0/lab.ipynb."

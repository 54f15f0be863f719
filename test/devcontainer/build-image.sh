#!/usr/bin/env bash
# Build a local stand-in for the devcontainer's image, without any image registry:
#   Debian 12 (debootstrap, minbase) + what mcr.microsoft.com/devcontainers/typescript-node:20-bookworm brings
#   (bash, git, sudo, python3, Node 20 + npm: copied from this host) + what the docker-in-docker feature brings
#   (Debian's docker.io and iptables), imported with `docker import`.
# Everything `docker-net-lab setup` installs with apt (Jupyter, host tools) is only DOWNLOADED into
# /var/cache/apt/archives, so the set-up script installs it for real inside a container that has no network
# (apt-get update only warns offline). busybox-static's .deb is put where setup's `apt-get download` would put it.
#
# Usage: build-image.sh IMAGE_TAG          (root; needs debootstrap: apt-get install -y debootstrap)
# Env:   DNL_DEBIAN_MIRROR (default: deb.debian.org), DNL_KEEP_ROOTFS=1 keeps the build directory.
set -euo pipefail

tag=${1:?usage: build-image.sh IMAGE_TAG}
mirror=${DNL_DEBIAN_MIRROR:-http://deb.debian.org/debian}

# What the base image + docker-in-docker feature provide (installed).
base_packages=ca-certificates,git,sudo,procps,python3,less,xz-utils,docker.io,iptables,iproute2,kmod
# What `docker-net-lab setup` installs itself (downloaded only). Keep in sync with src/setup/jupyter.ts and doctor.ts.
setup_packages="jupyter-notebook python3-nbconvert python3-nbclient python3-jupyter-client python3-nbformat python3-ipykernel bridge-utils curl util-linux busybox-static"

[ "$(id -u)" -eq 0 ] || { echo "build-image.sh must run as root (debootstrap, chroot)" >&2; exit 2; }
command -v debootstrap >/dev/null || { echo "debootstrap is missing: apt-get install -y debootstrap" >&2; exit 2; }

work=$(mktemp -d /var/tmp/dnl-devcontainer-rootfs.XXXXXX)
rootfs=$work/rootfs
cleanup() {
  for m in dev/pts dev proc sys; do umount "$rootfs/$m" 2>/dev/null || true; done
  if [ "${DNL_KEEP_ROOTFS:-}" != 1 ]; then rm -rf "$work"; fi
}
trap cleanup EXIT

echo "[build-image] debootstrap bookworm ($mirror) -> $rootfs"
debootstrap --variant=minbase --include="$base_packages" bookworm "$rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 || {
  tail -30 "$work/debootstrap.log" >&2
  exit 1
}

echo "[build-image] downloading (not installing) what setup installs: $setup_packages"
cp /etc/resolv.conf "$rootfs/etc/resolv.conf"
mount --bind /dev "$rootfs/dev"
mount -t proc proc "$rootfs/proc"
echo "deb $mirror bookworm main" >"$rootfs/etc/apt/sources.list"
chroot "$rootfs" apt-get update -qq
# shellcheck disable=SC2086
chroot "$rootfs" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --download-only --no-install-recommends $setup_packages >/dev/null
# Leave the apt lists in place: setup runs apt-get update, which only warns when offline, then installs from the cache.
# `setup` fetches busybox-static with `apt-get download` (network) into its state cache: seed that cache instead.
mkdir -p "$rootfs/root/.local/state/docker-net-lab/cache/busybox-static"
cp "$rootfs"/var/cache/apt/archives/busybox-static_*.deb "$rootfs/root/.local/state/docker-net-lab/cache/busybox-static/"
umount "$rootfs/proc" "$rootfs/dev"
: >"$rootfs/etc/resolv.conf"

echo "[build-image] Node $(node --version) and npm from this host"
cp "$(command -v node)" "$rootfs/usr/bin/node"
mkdir -p "$rootfs/usr/lib/node_modules"
cp -a "$(dirname "$(readlink -f "$(command -v npm)")")/.." "$rootfs/usr/lib/node_modules/npm"
ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$rootfs/usr/bin/npm"
ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$rootfs/usr/bin/npx"
mkdir -p "$rootfs/workspaces"

echo "[build-image] docker import -> $tag"
tar -C "$rootfs" -c . | docker import \
  --change 'CMD ["sleep", "infinity"]' \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'LABEL io.docker-net-lab.owner=docker-net-lab io.docker-net-lab.purpose=devcontainer-test' \
  - "$tag" >/dev/null
echo "[build-image] done: $tag ($(du -sh "$rootfs" | cut -f1) rootfs)"

#!/usr/bin/env bash
# Inside a container started with every capability this host grants (but not --privileged, which the host refuses when
# it lacks a capability, e.g. CAP_SYS_RESOURCE in a sandbox) and a private cgroup namespace: make /sys and the cgroup
# hierarchies writable, as --privileged would, so a Docker engine can run inside (docker-in-docker).
set -euo pipefail
mount -o remount,rw /sys
controllers=$(awk '$3 == "cgroup" { print $2 " " $4 }' /proc/mounts)
if [ -z "$controllers" ]; then
  # cgroup v2: one unified hierarchy.
  umount /sys/fs/cgroup && mount -t cgroup2 cgroup2 /sys/fs/cgroup
  exit 0
fi
umount -R /sys/fs/cgroup
mount -t tmpfs -o mode=755 cgroup /sys/fs/cgroup
echo "$controllers" | while read -r path options; do
  subsystems=$(echo "$options" | tr ',' '\n' | grep -vE '^(ro|rw|nosuid|nodev|noexec|relatime)$' | paste -sd,)
  mkdir -p "$path"
  mount -t cgroup -o "$subsystems" cgroup "$path"
done

#!/bin/sh
# One process of a grading sandbox (src/grade/sandbox.ts): run as
#   unshare --mount --pid --fork --cgroup --propagation private sh sandbox.sh PLAN ROOT -- COMMAND...
# inside the sandbox's network namespace and cgroup. It builds a root file system on a tmpfs at ROOT from the lines
# of PLAN, pivots into it, and runs COMMAND there (as pid 1's child: this shell stays pid 1 and reaps). Everything
# it mounts lives in this private mount namespace and goes when its last process does: nothing to unmount on the host.
#
# PLAN lines (tab-separated):
#   bind  SRC  DST  ro|rw    a host path, at DST in the root (a file or a directory)
#   tmpfs DST                an empty writable folder
#   link  TARGET  DST        a symlink
#   proc  DST                this pid namespace's /proc (then /proc/sysrq-trigger and /proc/kcore masked)
#   sysfs DST                this network namespace's /sys, read-only
#   cgroup TYPE OPTIONS DST  a cgroup hierarchy as this cgroup namespace sees it (its root is the sandbox's group)
#   dev   DST                a minimal /dev: null zero full random urandom tty, pts, shm; no disks
#   env   NAME VALUE         exported for COMMAND
set -eu
plan=$1 root=$2
shift 2
[ "${1:-}" = "--" ] && shift
tab=$(printf '\t')
mount --make-rprivate /
mount -t tmpfs -o mode=755,size=64m dnl-sandbox "$root"

ensure() { # ensure DST exists in the root like SRC (file or folder)
  if [ -d "$1" ] || [ -z "$1" ]; then mkdir -p "$root$2"; else mkdir -p "$(dirname "$root$2")"; [ -e "$root$2" ] || : >"$root$2"; fi
}
while IFS="$tab" read -r kind a b c d; do
  case "$kind" in
  bind)
    ensure "$a" "$b"
    mount --bind "$a" "$root$b"
    if [ "$c" = ro ]; then mount -o remount,bind,ro "$root$b"; fi ;;
  tmpfs) mkdir -p "$root$a"; mount -t tmpfs -o mode=1777 dnl-sandbox "$root$a" ;;
  link) mkdir -p "$(dirname "$root$b")"; ln -s "$a" "$root$b" ;;
  proc) mkdir -p "$root$a"; mount -t proc proc "$root$a"
    for f in sysrq-trigger kcore; do [ -e "$root$a/$f" ] && mount --bind /dev/null "$root$a/$f"; done ;;
  sysfs) mkdir -p "$root$a"; mount -t sysfs -o ro sysfs "$root$a" ;;
  cgroup) mkdir -p "$root$c"; mount -t "$a" -o "$b" cgroup "$root$c" ;;
  dev)
    mkdir -p "$root$a"; mount -t tmpfs -o mode=755,size=1m dnl-sandbox "$root$a"
    for n in null zero full random urandom tty; do : >"$root$a/$n"; mount --bind "/dev/$n" "$root$a/$n"; done
    mkdir -p "$root$a/pts" "$root$a/shm"
    mount -t devpts -o newinstance,ptmxmode=0666,mode=620 devpts "$root$a/pts"
    ln -s pts/ptmx "$root$a/ptmx"; ln -s /proc/self/fd "$root$a/fd"
    mount -t tmpfs -o mode=1777,size=64m shm "$root$a/shm" ;;
  env) export "$a=$b" ;;
  '' | '#'*) ;;
  *) echo "sandbox.sh: unknown plan line: $kind" >&2; exit 2 ;;
  esac
done <"$plan"
cd "$root"
mkdir .old-root
pivot_root . .old-root
cd /
umount -l /.old-root
rmdir /.old-root
"$@" &
child=$!
trap 'kill -TERM $child 2>/dev/null' TERM INT
status=0
wait "$child" || status=$?
exit "$status"

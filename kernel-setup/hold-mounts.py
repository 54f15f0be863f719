#!/usr/bin/env python3
"""Keep a grading sandbox's kernel mount namespace alive after its kernel is stopped (src/grade/sandbox.ts).

  hold-mounts.py PID RUNDIR

Joins the mount namespace of process PID (setns) and sleeps until killed, so the network namespaces the submission
named there (`ip netns add`: bind mounts in that namespace's /run/netns) outlive the kernel for the grader's checks.
It runs in the grader's pid namespace (no process of the sandbox can see or signal it) and in the sandbox's cgroup
(removing the sandbox kills it), and it dies with the grader that started it (a parent-death signal: a grader killed
mid-run leaves no holder behind). It never executes anything after setns: every module it needs is loaded before,
so nothing of the submission's file system is read. RUNDIR is only there so the sandbox's teardown finds it by name.
"""
import ctypes
import os
import signal
import sys

CLONE_NEWNS = 0x00020000
PR_SET_PDEATHSIG = 1


def main():
    pid = int(sys.argv[1])
    libc = ctypes.CDLL(None, use_errno=True)
    parent = os.getppid()
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the grader died before the signal was set
        sys.exit(1)
    fd = os.open(f"/proc/{pid}/ns/mnt", os.O_RDONLY)
    if libc.setns(fd, CLONE_NEWNS) != 0:
        err = ctypes.get_errno()
        sys.stderr.write(f"hold-mounts: setns: {os.strerror(err)}\n")
        sys.exit(1)
    os.close(fd)
    os.chdir("/")
    while True:
        signal.pause()


if __name__ == "__main__":
    main()

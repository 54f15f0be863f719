#!/usr/bin/env python3
"""Execute one notebook headless through a Jupyter kernel and report, as JSON on stdout, what happened.

Used by `docker-net-lab labs run` and `docker-net-lab grade` (never by learners directly).

  run_notebook.py --notebook NB --kernel NAME --cwd DIR [--solutions FILE] [--skip-tag TAG]...
                  [--cell-timeout S] [--out EXECUTED.ipynb] [--report REPORT.json] [--wait-for FILE [--wait-timeout S]]

--wait-for: start the kernel at once, run the first cell only once FILE exists (a grading sandbox's engine is ready,
or the grader lets a submission started ahead of time go); after --wait-timeout seconds (default 120) the cells run
anyway. The runner exits if its parent dies while it waits.

Writes one JSON object to REPORT.json (else prints it on stdout, where whatever the kernel or its children print
outside a cell also lands): {"status": "ok"|"invalid"|"timeout"|"kernel-died"|"error", "message": str,
"cells": [{"id", "tags", "error": {"ename","evalue"}|null, "ms": wall time of the cell|null}],
"kernelMs": kernel start to the first cell|null, "checks": [<check bundle payloads>]}.
Exit code 0 whenever a report was printed; the caller decides what a failure means.
"""
import argparse
import json
import os
import sys

CHECK_MIME = "application/vnd.docker-net-lab.check+json"


REPORT_PATH = None
# Wall time of each executed cell (keyed by the cell object) and of the kernel's start, for `labs run --json`.
TIMING = {"cells": {}, "kernel": None}


def report(status, message, nb=None):
    cells, checks = [], []
    if nb is not None:
        for cell in nb.cells:
            if cell.get("cell_type") != "code":
                continue
            error = None
            for out in cell.get("outputs", []):
                if out.get("output_type") == "error":
                    error = {"ename": out.get("ename", ""), "evalue": out.get("evalue", "")}
                data = out.get("data", {}) if out.get("output_type") in ("display_data", "execute_result") else {}
                if CHECK_MIME in data:
                    payload = data[CHECK_MIME]
                    checks.append(json.loads(payload) if isinstance(payload, str) else payload)
            cells.append({
                "id": cell.get("id"),
                "tags": cell.get("metadata", {}).get("tags", []),
                "error": error,
                "ms": TIMING["cells"].get(id(cell)),
            })
    document = {"status": status, "message": message, "cells": cells, "kernelMs": TIMING["kernel"], "checks": checks}
    if REPORT_PATH:
        with open(REPORT_PATH + ".tmp", "w", encoding="utf-8") as handle:
            json.dump(document, handle)
        os.replace(REPORT_PATH + ".tmp", REPORT_PATH)
    else:
        json.dump(document, sys.stdout)
        sys.stdout.write("\n")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--notebook", required=True)
    parser.add_argument("--kernel", required=True)
    parser.add_argument("--cwd", required=True)
    parser.add_argument("--solutions")
    parser.add_argument("--skip-tag", action="append", default=[])
    parser.add_argument("--cell-timeout", type=int, default=120)
    parser.add_argument("--out")
    parser.add_argument("--report")
    parser.add_argument("--wait-for")
    parser.add_argument("--wait-timeout", type=float, default=120)
    args = parser.parse_args()
    global REPORT_PATH
    REPORT_PATH = args.report

    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellTimeoutError, DeadKernelError

    try:
        nb = nbformat.read(args.notebook, as_version=4)
        nbformat.validate(nb)
    except Exception as exc:  # not JSON, not a notebook, invalid schema
        report("invalid", f"not a valid notebook: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}")
        return

    if args.solutions:
        with open(args.solutions, encoding="utf-8") as handle:
            solutions = json.load(handle)
        for cell in nb.cells:
            if cell.get("id") in solutions:
                cell.source = solutions[cell["id"]]

    skip = set(args.skip_tag)
    nb.cells = [c for c in nb.cells if not (skip & set(c.get("metadata", {}).get("tags", [])))]
    for cell in nb.cells:
        if cell.get("cell_type") == "code":
            cell.outputs = []

    client = NotebookClient(
        nb,
        kernel_name=args.kernel,
        timeout=args.cell_timeout,
        allow_errors=True,
        record_timing=False,
        resources={"metadata": {"path": args.cwd}},
    )
    import time

    begun = {"at": time.monotonic(), "cell": None}

    def cell_start(**_):
        if TIMING["kernel"] is None:
            TIMING["kernel"] = round((time.monotonic() - begun["at"]) * 1000)
            if args.wait_for:
                # The kernel started at once; the first cell waits until the grader says go (the sandbox's engine is
                # ready, or the submission before this one is done). A runner whose grader died exits instead: its kernel
                # follows it (the kernel watches its parent).
                deadline = time.monotonic() + args.wait_timeout
                parent = os.getppid()
                while not os.path.exists(args.wait_for) and time.monotonic() < deadline:
                    if os.getppid() != parent:
                        os._exit(3)
                    time.sleep(0.02)

    def cell_execute(**_):
        begun["cell"] = time.monotonic()

    def cell_executed(cell, **_):
        if begun["cell"] is not None:
            TIMING["cells"][id(cell)] = round((time.monotonic() - begun["cell"]) * 1000)

    client.on_cell_start = cell_start
    client.on_cell_execute = cell_execute
    client.on_cell_executed = cell_executed
    status, message = "ok", ""
    try:
        client.execute()
    except CellTimeoutError as exc:
        status, message = "timeout", f"a cell ran longer than {args.cell_timeout} s and was stopped"
    except DeadKernelError as exc:
        status, message = "kernel-died", f"the kernel died while running the notebook: {exc}"
    except Exception as exc:
        status, message = "error", f"{type(exc).__name__}: {exc}"
    if args.out:
        nbformat.write(nb, args.out)
    report(status, message, nb)


if __name__ == "__main__":
    main()

"""jupyter_kernel_test suite for the docker-net-lab kernel (Debian's python3-jupyter-kernel-test).

Run: JUPYTER_PATH=<dir with kernels/docker-net-lab> /usr/bin/python3 test_kernel.py [--json RESULT.json]
(test/kernel/jupyter-kernel-test.test.ts does this with a kernelspec for this checkout; --json writes
{"tests": {name: "ok" | "fail" | "error" | "skipped: reason"}, "details": {name: traceback}}).
DNL_TEST_KERNEL picks another kernelspec name (e.g. plain tslab, for the "before" numbers).
"""
import json
import os
import sys
import unittest

import jupyter_kernel_test


class DockerNetLabKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = os.environ.get("DNL_TEST_KERNEL", "docker-net-lab")

    language_name = "typescript"
    file_extension = ".ts"

    code_hello_world = 'console.log("hello, world")'
    code_stderr = 'console.error("something went wrong")'

    completion_samples = [
        {"text": "Math.ma", "matches": {"max"}},
        {"text": 'import * as path from "node:path";\npath.jo', "matches": {"join"}},
        {"text": "const value = 1; val"},
    ]

    complete_code_samples = ["1 + 2", "const a = 1;", "function f() { return 1; }", "for (const x of [1]) { x; }"]
    incomplete_code_samples = ["function f() {", "const a = [1,", "if (true) {\n  console.log(1);"]
    # tslab's is_complete never answers "invalid" (the compiler reports invalid code on execution): no samples.

    code_execute_result = [
        {"code": "1 + 2", "result": "3"},
        {"code": "[1, 2, 3].map((x) => x * 2)", "result": "[ 2, 4, 6 ]"},
        {"code": '"docker" + "0"', "result": "docker0"},
        {
            "code": '({ [Symbol.for("Jupyter.display")]() { return { "text/html": "<b>bridge</b>" }; } })',
            "mime": "text/html",
            "result": "<b>bridge</b>",
        },
    ]

    code_display_data = [
        {
            "code": '(globalThis as any)[Symbol.for("docker-net-lab.display")]({ "image/svg+xml": "<svg></svg>", "text/plain": "picture" })',
            "mime": "image/svg+xml",
        },
        {"code": 'import * as tslab from "tslab";\ntslab.display.html("<i>tslab display</i>")', "mime": "text/html"},
    ]

    code_page_something = "Math.max?"

    code_inspect_sample = "Math.max"

    code_generate_error = 'throw new Error("bridge is down")'

    code_clear_output = '(globalThis as any)[Symbol.for("docker-net-lab.clearOutput")]()'

    code_history_pattern = "1 + *"
    supported_history_operations = ("tail", "range", "search")


def method_name(test):
    """test_x for a test or for one of its subtests."""
    return getattr(getattr(test, "test_case", test), "_testMethodName", str(test))


def run_to_json(path):
    suite = unittest.defaultTestLoader.loadTestsFromTestCase(DockerNetLabKernelTests)
    result = unittest.TextTestRunner(verbosity=2).run(suite)
    names = sorted(name for name in unittest.defaultTestLoader.getTestCaseNames(DockerNetLabKernelTests))
    verdicts = {name: "ok" for name in names}
    details = {}
    for kind, entries in (("fail", result.failures), ("error", result.errors)):
        for test, trace in entries:
            verdicts[method_name(test)] = kind
            details[method_name(test)] = details.get(method_name(test), "") + trace
    for test, reason in result.skipped:
        if verdicts.get(method_name(test)) == "ok":
            verdicts[method_name(test)] = f"skipped: {reason}"
    with open(path, "w") as out:
        json.dump({"tests": verdicts, "details": details, "ran": result.testsRun}, out, indent=2)
    return result.wasSuccessful()


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--json":
        sys.exit(0 if run_to_json(sys.argv[2]) else 1)
    unittest.main()

"""Drive a Jupyter kernel through jupyter_client and print what a front end would see, as JSON.

Usage: /usr/bin/python3 kernel_client.py < script.json > result.json

script.json:
  {"kernel": "docker-net-lab", "cwd": "/path",          # kernelspec name (found via JUPYTER_PATH) and kernel cwd
   "steps": [
     {"execute": "code", "interrupt_after": 1.5, "timeout": 30},   # interrupt_after: seconds, optional
     {"complete": "code", "cursor_pos": 10},
     {"inspect": "code", "cursor_pos": 10},
     {"kernel_info": true}
   ]}

Result: {"start_ms": ..., "kernel_info_ms": ..., "steps": [{"reply": {...}, "outputs": [{"msg_type", "content"}], "ms": ...}]}
Each execute step waits for the reply and for the kernel's idle status on IOPub.
"""
import json
import sys
import time
from queue import Empty

from jupyter_client.manager import KernelManager


def collect_outputs(kc, msg_id, deadline):
    outputs = []
    while time.time() < deadline:
        try:
            msg = kc.get_iopub_msg(timeout=max(0.05, deadline - time.time()))
        except Empty:
            break
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "status":
            if msg["content"]["execution_state"] == "idle":
                return outputs, True
            continue
        outputs.append({"msg_type": msg["msg_type"], "content": msg["content"]})
    return outputs, False


def run_step(km, kc, step):
    started = time.time()
    timeout = step.get("timeout", 60)
    if "execute" in step:
        msg_id = kc.execute(step["execute"], store_history=step.get("store_history", True))
        interrupts = 0
        reply = None
        if "interrupt_after" in step:
            time.sleep(step["interrupt_after"])
            # Like a learner pressing the button again: a SIGINT that lands while the cell is still being
            # compiled (synchronous code, before vm's breakOnSigint watchdog runs) is lost, so retry.
            while interrupts < 3:
                km.interrupt_kernel()
                interrupts += 1
                try:
                    reply = kc.get_shell_msg(timeout=10)
                    break
                except Empty:
                    continue
        if reply is None:
            reply = kc.get_shell_msg(timeout=timeout)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = kc.get_shell_msg(timeout=timeout)
        reply_ms = (time.time() - started) * 1000
        outputs, idle = collect_outputs(kc, msg_id, time.time() + timeout)
        return {"reply": reply["content"], "outputs": outputs, "idle": idle,
                "interrupts": interrupts, "ms": reply_ms}
    if "complete" in step:
        code = step["complete"]
        msg_id = kc.complete(code, step.get("cursor_pos", len(code)))
    elif "inspect" in step:
        code = step["inspect"]
        msg_id = kc.inspect(code, step.get("cursor_pos", len(code)))
    elif "kernel_info" in step:
        msg_id = kc.kernel_info()
    elif "sleep" in step:
        time.sleep(step["sleep"])
        return {"reply": {}, "outputs": [], "ms": (time.time() - started) * 1000}
    else:
        raise ValueError(f"unknown step {step!r}")
    reply = kc.get_shell_msg(timeout=timeout)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = kc.get_shell_msg(timeout=timeout)
    return {"reply": reply["content"], "outputs": [], "ms": (time.time() - started) * 1000}


def main():
    script = json.load(sys.stdin)
    started = time.time()
    km = KernelManager(kernel_name=script.get("kernel", "docker-net-lab"))
    km.start_kernel(cwd=script.get("cwd"))
    kc = km.client()
    kc.start_channels()
    result = {"steps": []}
    try:
        kc.wait_for_ready(timeout=script.get("start_timeout", 60))
        result["kernel_info_ms"] = (time.time() - started) * 1000
        for step in script["steps"]:
            result["steps"].append(run_step(km, kc, step))
    except Exception as error:  # report, never hide: the caller asserts on it
        result["error"] = f"{type(error).__name__}: {error}"
    finally:
        result["alive"] = km.is_alive()
        kc.stop_channels()
        km.shutdown_kernel(now=False)
    json.dump(result, sys.stdout, default=str)


if __name__ == "__main__":
    main()

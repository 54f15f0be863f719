// tslab's ZmqServer (sockets, heartbeat) with our own message dispatch: every reply carries `status`, execute
// publishes busy/idle around the actual run, history/interrupt/comm_info are answered, shutdown really exits.
import type { Router } from "zeromq";
import { kernelLog } from "./cell.js";
import type { ProjectHandler } from "./handler.js";
import type { HistoryRequest } from "./history.js";
import { KernelMessage, type Sendable } from "./message.js";
import { tslabJupyter } from "./tslab.js";

type Content = Record<string, unknown>;

/** The project kernel's ZMQ server. */
export class ProjectServer extends tslabJupyter.ZmqServer {
  private readonly project: ProjectHandler;
  private lastRequest = performance.now();

  constructor(handler: ProjectHandler, configPath: string) {
    super(handler, configPath);
    this.project = handler;
  }

  private publish(parent: KernelMessage, type: string, content: Content): void {
    parent.reply(type, content).send(this.connInfo.key, this.iopub, { broadcast: true });
  }

  private answer(socket: Sendable, request: KernelMessage, type: string, content: Content): void {
    request.reply(type, content).send(this.connInfo.key, socket);
  }

  /** Milliseconds since the last shell or control message arrived (or since the server was made). */
  quietMs(): number {
    return performance.now() - this.lastRequest;
  }

  /** Called by tslab's socket loops for every shell and control message. */
  override async handleShellMessage(socket: Router, ...frames: Buffer[]): Promise<void> {
    this.lastRequest = performance.now();
    let request: KernelMessage;
    try {
      request = KernelMessage.parse(this.connInfo.key, frames);
    } catch (error) {
      kernelLog(`docker-net-lab kernel: dropped a message: ${(error as Error).message}\n`);
      return;
    }
    if (request.type === "execute_request") {
      await this.project.execute(request.content as never, {
        status: (state) => this.publish(request, "status", { execution_state: state }),
        publish: (type, content) => this.publish(request, type, content),
        reply: (content) => this.answer(socket, request, "execute_reply", content),
      });
      return;
    }
    this.publish(request, "status", { execution_state: "busy" });
    let shutdown = false;
    try {
      shutdown = this.dispatch(socket, request);
    } catch (error) {
      kernelLog(`docker-net-lab kernel: ${request.type} failed: ${(error as Error).stack ?? String(error)}\n`);
      const type = request.type.replace(/_request$/, "_reply");
      this.answer(socket, request, type, { status: "error", ename: (error as Error).name ?? "Error", evalue: (error as Error).message ?? "", traceback: [] });
    } finally {
      this.publish(request, "status", { execution_state: "idle" });
    }
    if (shutdown) setTimeout(() => this.shutdownNow(), 100);
  }

  // Answer one non-execute request; true when the kernel must shut down.
  private dispatch(socket: Sendable, request: KernelMessage): boolean {
    const content = request.content as never;
    switch (request.type) {
      case "kernel_info_request":
        this.answer(socket, request, "kernel_info_reply", { ...this.project.handleKernel() });
        return false;
      case "is_complete_request":
        this.answer(socket, request, "is_complete_reply", { ...this.project.handleIsComplete(content) });
        return false;
      case "inspect_request":
        this.answer(socket, request, "inspect_reply", { ...this.project.handleInspect(content) });
        return false;
      case "complete_request":
        this.answer(socket, request, "complete_reply", { ...this.project.handleComplete(content) });
        return false;
      case "history_request":
        this.answer(socket, request, "history_reply", this.project.handleHistory(request.content as HistoryRequest));
        return false;
      case "comm_info_request":
        this.answer(socket, request, "comm_info_reply", { status: "ok", comms: {} });
        return false;
      case "interrupt_request":
        this.project.interrupt();
        this.answer(socket, request, "interrupt_reply", { status: "ok" });
        return false;
      case "shutdown_request":
        this.answer(socket, request, "shutdown_reply", { status: "ok", restart: request.content.restart === true });
        return true;
      case "comm_open":
      case "comm_msg":
      case "comm_close":
        return false; // no comm targets: ignore, like a kernel without widgets
      default:
        kernelLog(`docker-net-lab kernel: unknown message type ${request.type}\n`);
        return false;
    }
  }

  private shutdownNow(): void {
    try {
      this.close();
    } finally {
      process.exit(0);
    }
  }
}

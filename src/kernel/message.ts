// Jupyter wire protocol v5.3: parse, verify (HMAC-SHA256), reply to and sign messages.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

const delimiter = Buffer.from("<IDS|MSG>");

/** Protocol version this kernel speaks. */
export const protocolVersion = "5.3";

export interface Header {
  msg_id: string;
  session: string;
  username: string;
  date: string;
  msg_type: string;
  version: string;
}

/** Anything with a `send(frames)` method: a zeromq socket. */
export interface Sendable {
  send(frames: (Buffer | string)[]): unknown;
}

const sign = (key: string, parts: (Buffer | string)[]): string => {
  if (key === "") return "";
  const hmac = createHmac("sha256", key);
  for (const part of parts) hmac.update(part);
  return hmac.digest("hex");
};

/** One Jupyter message (request or reply) with the routing identities it came with. */
export class KernelMessage {
  constructor(
    readonly identities: Buffer[],
    readonly header: Header,
    readonly parentHeader: Header | Record<string, never>,
    public metadata: Record<string, unknown>,
    public content: Record<string, unknown>,
  ) {}

  get type(): string {
    return this.header.msg_type;
  }

  /** Parse raw frames and verify the signature; throws on a malformed or forged message. */
  static parse(key: string, frames: Buffer[]): KernelMessage {
    const at = frames.findIndex((frame) => frame.equals(delimiter));
    if (at < 0) throw new Error("Jupyter message without the <IDS|MSG> delimiter");
    const signature = frames[at + 1]?.toString() ?? "";
    const parts = frames.slice(at + 2, at + 6);
    if (parts.length !== 4) throw new Error(`Jupyter message with ${parts.length} of 4 parts`);
    if (key !== "") {
      const expected = Buffer.from(sign(key, parts));
      const got = Buffer.from(signature);
      if (expected.length !== got.length || !timingSafeEqual(expected, got)) throw new Error("Jupyter message with an invalid signature");
    }
    const [header, parent, metadata, content] = parts.map((part) => JSON.parse(part.toString()) as Record<string, unknown>);
    return new KernelMessage(frames.slice(0, at), header as unknown as Header, (parent ?? {}) as unknown as Header, metadata ?? {}, content ?? {});
  }

  /** A new message of `type` whose parent is this one (same session, same routing identities). */
  reply(type: string, content: Record<string, unknown>, metadata: Record<string, unknown> = {}): KernelMessage {
    const header: Header = {
      msg_id: randomBytes(16).toString("hex"),
      session: this.header.session,
      username: this.header.username,
      date: new Date().toISOString(),
      msg_type: type,
      version: protocolVersion,
    };
    return new KernelMessage(this.identities, header, this.header, metadata, content);
  }

  /** Sign and send on `socket`; IOPub (broadcast) messages carry a topic instead of the requester's identities. */
  send(key: string, socket: Sendable, options: { broadcast?: boolean } = {}): void {
    const parts = [this.header, this.parentHeader, this.metadata, this.content].map((part) => JSON.stringify(part));
    const frames: (Buffer | string)[] = options.broadcast ? [`kernel.${this.header.msg_type}`] : [...this.identities];
    frames.push(delimiter, sign(key, parts), ...parts);
    socket.send(frames);
  }
}

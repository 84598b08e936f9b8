// A fake WebSocket and the server side that drives it: tests open, send and drop connections.
import type { SocketFactory, SocketLike } from "../src/sync";
import type { SocketMessage } from "../src/types";
import { makeSyncStarted } from "./factories";

export type SocketState = "connecting" | "open" | "closed";

export class FakeSocket implements SocketLike {
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number; reason?: string }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  state: SocketState = "connecting";
  /** How the client closed it, if it did. */
  closedByClient: { code: number | undefined; reason: string | undefined } | null = null;

  constructor(readonly url: string) {}

  get params(): URLSearchParams {
    return new URL(this.url).searchParams;
  }

  // The client's side.
  close(code?: number, reason?: string): void {
    if (this.state === "closed") return;
    this.state = "closed";
    this.closedByClient = { code, reason };
    // Like a browser, the close event comes later, not inside close().
    queueMicrotask(() => this.onclose?.({ code: code ?? 1005, reason: reason ?? "" }));
  }

  // The server's side.
  open(): void {
    this.expect("connecting", "open");
    this.state = "open";
    this.onopen?.({});
  }

  send(message: SocketMessage): void {
    this.sendRaw(JSON.stringify(message));
  }

  sendRaw(data: string): void {
    this.expect("open", "send on");
    this.onmessage?.({ data });
  }

  /** The server or the network ends it (1006 = abnormal, as a refused handshake looks too). */
  drop(code = 1006, reason = ""): void {
    if (this.state === "closed") throw new Error(`drop: ${this.url} is already closed`);
    this.state = "closed";
    this.onerror?.({});
    this.onclose?.({ code, reason });
  }

  private expect(state: SocketState, verb: string): void {
    if (this.state !== state) throw new Error(`cannot ${verb} a ${this.state} socket (${this.url})`);
  }
}

/** Records every connection the client makes. */
export class FakeServer {
  readonly sockets: FakeSocket[] = [];

  readonly factory: SocketFactory = (url) => {
    const socket = new FakeSocket(url);
    this.sockets.push(socket);
    return socket;
  };

  get urls(): string[] {
    return this.sockets.map((s) => s.url);
  }

  /** The newest connection. */
  get current(): FakeSocket {
    const socket = this.sockets.at(-1);
    if (!socket) throw new Error("no socket was opened");
    return socket;
  }

  get openCount(): number {
    return this.sockets.filter((s) => s.state !== "closed").length;
  }

  /** Accepts the newest connection and replays `events`, then says `sync_started`. */
  accept(events: SocketMessage[] = [], lastEventId?: number): FakeSocket {
    const socket = this.current;
    socket.open();
    for (const event of events) socket.send(event);
    const last = lastEventId ?? events.reduce((max, e) => Math.max(max, e.event_id ?? 0), 0);
    socket.send(makeSyncStarted(last));
    return socket;
  }
}

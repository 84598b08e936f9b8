// The live socket without React: connect, resume from the last event id, back off with jitter,
// refetch when told to resync, reconnect when an event id skips one (never apply past a hole),
// and stop for good when the token is refused.
import { AuthRefusedError, sessionAuthCheck, type AuthCheck, type TicketSource } from "./socketAuth.js";
import type { AgentEvent, SocketMessage } from "./types.js";

export {
  AuthRefusedError,
  sessionAuthCheck,
  sessionTickets,
  tokenExpired,
  type AuthCheck,
  type TicketSource,
} from "./socketAuth.js";

export type SyncStatus = "connecting" | "replaying" | "live" | "reconnecting" | "unauthorized" | "stopped";

/** The part of the browser's WebSocket this client uses (tests pass a fake). */
export interface SocketLike {
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason?: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  close(code?: number, reason?: string): void;
}
export type SocketFactory = (url: string) => SocketLike;

export interface Backoff {
  initialMs: number;
  maxMs: number;
  factor: number;
}
export const DEFAULT_BACKOFF: Backoff = { initialMs: 500, maxMs: 30_000, factor: 2 };
/** A socket live this long counts as healthy: the next drop starts the backoff over. */
export const STABLE_MS = 5_000;

export interface SyncOptions {
  /** Where the back end is: `https://api.example.com` (a path prefix is kept). */
  baseUrl: string;
  tenantId: string;
  token: string;
  /** Resume after this id (for example one kept from an earlier page). */
  lastEventId?: number | null;
  onEvent: (event: AgentEvent) => void;
  /**
   * Reload REST state: called when the socket starts without a known position, and when the
   * server says `resync_required` (events were missed). Events keep arriving meanwhile; `since`
   * is the event id the reloaded state is at least as new as.
   */
  refetch?: (since: number) => Promise<void> | void;
  onStatus?: (status: SyncStatus) => void;
  /** The event id to resume from changed (after events, `sync_started`, `resync_required`). */
  onPosition?: (lastEventId: number) => void;
  checkAuth?: AuthCheck;
  /**
   * Where one-use socket tickets come from (`sessionTickets`): the token then never travels in
   * the socket's URL. Without it the token is sent as the seed has it (`?token=`).
   */
  tickets?: TicketSource;
  backoff?: Backoff;
  socketFactory?: SocketFactory;
  random?: () => number;
}

const POLICY_VIOLATION = 1008;

export function socketUrl(
  baseUrl: string,
  tenantId: string,
  token: string,
  after: number | null,
  ticket?: string,
) {
  const url = new URL(baseUrl.replace(/\/$/, "") + "/ws/sync");
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  url.searchParams.set("tenant_id", tenantId);
  if (ticket) url.searchParams.set("ticket", ticket);
  else url.searchParams.set("token", token);
  if (after !== null) url.searchParams.set("last_event_id", String(after));
  return url.toString();
}

/** Full-jitter-ish delay: between half and all of the exponential step, capped. */
export function backoffDelay(attempt: number, backoff: Backoff, random: () => number): number {
  const step = Math.min(backoff.maxMs, backoff.initialMs * backoff.factor ** attempt);
  return Math.round(step / 2 + (step / 2) * random());
}

export class SyncClient {
  private socket: SocketLike | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private refetchTimer: ReturnType<typeof setTimeout> | null = null;
  private liveSince: number | null = null;
  private attempt = 0;
  private stopped = false;
  // Bumped by start() and stop(): an auth check or timer of an earlier run must not act.
  private generation = 0;
  private lastId: number | null;
  private state: SyncStatus = "stopped";

  constructor(private readonly options: SyncOptions) {
    this.lastId = options.lastEventId ?? null;
  }

  get status(): SyncStatus {
    return this.state;
  }

  get lastEventId(): number | null {
    return this.lastId;
  }

  start(): void {
    this.stop();
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.generation += 1;
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    if (this.refetchTimer !== null) clearTimeout(this.refetchTimer);
    this.timer = null;
    this.refetchTimer = null;
    const socket = this.socket;
    this.socket = null;
    socket?.close(1000, "client stopped");
    this.setStatus("stopped");
  }

  private setStatus(status: SyncStatus): void {
    if (this.state === status) return;
    this.state = status;
    this.options.onStatus?.(status);
  }

  private connect(): void {
    this.setStatus(this.attempt === 0 ? "connecting" : "reconnecting");
    const tickets = this.options.tickets;
    if (!tickets) {
      this.open();
      return;
    }
    const generation = this.generation;
    tickets().then(
      (ticket) => {
        if (this.stopped || generation !== this.generation) return;
        if (ticket) this.open(ticket);
        else this.scheduleReconnect(generation); // never the token in the URL instead
      },
      (error: unknown) => {
        if (this.stopped || generation !== this.generation) return;
        if (error instanceof AuthRefusedError) this.refuse();
        else this.scheduleReconnect(generation); // API away: try again later
      },
    );
  }

  private open(ticket?: string): void {
    const { baseUrl, tenantId, token } = this.options;
    const factory = this.options.socketFactory ?? ((url: string) => new WebSocket(url) as SocketLike);
    const socket = factory(socketUrl(baseUrl, tenantId, token, this.lastId, ticket));
    this.socket = socket;
    let opened = false;
    socket.onopen = () => {
      opened = true;
      this.setStatus("replaying");
    };
    socket.onmessage = (message) => {
      if (this.socket === socket) this.receive(message.data);
    };
    socket.onerror = () => undefined; // a close always follows
    socket.onclose = (event) => {
      if (this.socket !== socket) return; // replaced or stopped
      this.socket = null;
      void this.afterClose(event.code, opened);
    };
  }

  private refuse(): void {
    this.stopped = true;
    this.setStatus("unauthorized");
  }

  private advance(id: number): void {
    if (this.lastId !== null && id <= this.lastId) return;
    this.lastId = id;
    this.options.onPosition?.(id);
  }

  private receive(raw: unknown): void {
    let message: SocketMessage;
    try {
      message = JSON.parse(String(raw)) as SocketMessage;
    } catch {
      return; // not ours: ignore rather than drop the connection
    }
    switch (message.event_type) {
      case "sync_started": {
        const fresh = this.lastId === null;
        this.advance(message.data.last_event_id);
        this.liveSince = Date.now();
        this.setStatus("live");
        if (fresh) this.refetch(message.data.last_event_id, 0);
        return;
      }
      case "resync_required":
        // Events after `latest_event_id` follow on this socket; REST fills in the gap. The
        // position may move back (a reset stream): take the server's word for it.
        this.lastId = message.data.latest_event_id;
        this.options.onPosition?.(this.lastId);
        this.refetch(message.data.latest_event_id, 0);
        return;
      default:
        if (this.lastId !== null && message.event_id <= this.lastId) return; // seen already
        if (this.lastId !== null && message.event_id > this.lastId + 1) {
          // Ids run on without a hole: one missing means this socket lost events. Never apply
          // past it: reconnect from the last id held, and the server refills what is missing.
          this.resume();
          return;
        }
        this.advance(message.event_id);
        this.options.onEvent(message);
    }
  }

  /** Drop this socket (it skipped an event) and reconnect from the last event id held. */
  private resume(): void {
    const socket = this.socket;
    this.socket = null;
    socket?.close(4000, "event gap: resuming from the last event id");
    this.liveSince = null;
    this.scheduleReconnect(this.generation);
  }

  /**
   * Reload REST state; on failure try again with backoff (the socket already holds a position,
   * so without the reload what happened before it would stay missing).
   */
  private refetch(since: number, attempt: number): void {
    const reload = this.options.refetch;
    if (!reload) return;
    if (this.refetchTimer !== null) clearTimeout(this.refetchTimer);
    this.refetchTimer = null;
    const generation = this.generation;
    const retry = () => {
      if (this.stopped || generation !== this.generation) return;
      const backoff = this.options.backoff ?? DEFAULT_BACKOFF;
      const delay = backoffDelay(attempt, backoff, this.options.random ?? Math.random);
      this.refetchTimer = setTimeout(() => this.refetch(since, attempt + 1), delay);
    };
    try {
      Promise.resolve(reload(since)).catch(retry);
    } catch {
      retry();
    }
  }

  private async afterClose(code: number, opened: boolean): Promise<void> {
    if (this.stopped) return;
    const generation = this.generation;
    // Only a socket that stayed up resets the backoff: one the server keeps closing (1013)
    // right after `sync_started` must not be reopened twice a second.
    if (this.liveSince !== null && Date.now() - this.liveSince >= STABLE_MS) this.attempt = 0;
    this.liveSince = null;
    // A refused handshake reaches the browser as a bare 1006: ask the API whether the token
    // itself is the problem before retrying forever with it. (With tickets, the next ticket
    // request asks that anyway.)
    if (!this.options.tickets && (code === POLICY_VIOLATION || !opened)) {
      const check = this.options.checkAuth ?? sessionAuthCheck(this.options.baseUrl, this.options.token);
      const verdict = await check();
      if (this.stopped || generation !== this.generation) return; // stopped or restarted meanwhile
      if (verdict === "unauthorized") {
        this.refuse();
        return;
      }
    }
    this.scheduleReconnect(generation);
  }

  private scheduleReconnect(generation: number): void {
    const delay = backoffDelay(
      this.attempt,
      this.options.backoff ?? DEFAULT_BACKOFF,
      this.options.random ?? Math.random,
    );
    this.attempt += 1;
    this.setStatus("reconnecting");
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.stopped && generation === this.generation) this.connect();
    }, delay);
  }
}

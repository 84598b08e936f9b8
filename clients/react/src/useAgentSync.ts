// React binding of SyncClient: events become the seed's actions on the caller's dispatch.
import { useEffect, useLayoutEffect, useRef, useState, type Dispatch } from "react";
import type { ApiClient } from "./api.js";
import { actionsForEvent, type AppAction } from "./reducer.js";
import {
  SyncClient,
  sessionTickets,
  type Backoff,
  type SocketFactory,
  type SyncStatus,
  type TicketSource,
} from "./sync.js";
import type { AgentEvent } from "./types.js";

export interface UseAgentSyncOptions {
  baseUrl: string;
  tenantId: string | null;
  /** No token, no socket (for example before login). */
  token: string | null;
  dispatch: Dispatch<AppAction>;
  /** Used by the default refetch: pending auth requests are reloaded after a resync. */
  api?: ApiClient;
  /**
   * Replaces the default refetch (for example to reload more than the pending requests); `since`
   * is the event id the reloaded state is at least as new as (pass it on in SET_AUTH_REQUESTS).
   */
  refetch?: (since: number) => Promise<void>;
  /** Every event, after it was dispatched (for toasts). */
  onEvent?: (event: AgentEvent) => void;
  lastEventId?: number | null;
  backoff?: Backoff;
  socketFactory?: SocketFactory;
  /**
   * One-use socket tickets (default: `POST /api/v1/sync/ws-ticket` with the token), so the
   * token stays out of the socket's URL; `null` sends the token in the URL as the seed has it.
   */
  tickets?: TicketSource | null;
}

export interface AgentSync {
  status: SyncStatus;
  lastEventId: number | null;
}

export function useAgentSync(options: UseAgentSyncOptions): AgentSync {
  const [status, setStatus] = useState<SyncStatus>("stopped");
  const [lastEventId, setLastEventId] = useState<number | null>(options.lastEventId ?? null);
  // Callbacks may change on every render; the socket must not. The socket calls them only from
  // its own events, after a commit: a layout effect (before any passive effect) keeps them current.
  const latest = useRef(options);
  useLayoutEffect(() => {
    latest.current = options;
  });
  // Where the stream was when a socket closed: a new token for the same salon resumes from there.
  const resume = useRef<{ key: string; id: number } | null>(null);
  const { baseUrl, tenantId, token } = options;

  useEffect(() => {
    if (!token || !tenantId) return;
    const key = `${baseUrl}|${tenantId}`;
    const client = new SyncClient({
      baseUrl,
      tenantId,
      token,
      lastEventId: resume.current?.key === key ? resume.current.id : (latest.current.lastEventId ?? null),
      backoff: latest.current.backoff,
      socketFactory: latest.current.socketFactory,
      tickets:
        latest.current.tickets === null
          ? undefined
          : (latest.current.tickets ?? sessionTickets(baseUrl, token)),
      onStatus: setStatus,
      onPosition: (id) => {
        resume.current = { key, id };
        setLastEventId(id);
      },
      onEvent: (event) => {
        for (const action of actionsForEvent(event)) latest.current.dispatch(action);
        latest.current.onEvent?.(event);
      },
      // A failure is retried by the client with backoff; the socket keeps going meanwhile.
      refetch: async (since) => {
        const { refetch, api, dispatch } = latest.current;
        if (refetch) await refetch(since);
        else if (api) {
          dispatch({ type: "SET_AUTH_REQUESTS", payload: await api.pendingAuthRequests(), since });
        }
      },
    });
    client.start();
    return () => client.stop();
  }, [baseUrl, tenantId, token]);

  return { status, lastEventId };
}

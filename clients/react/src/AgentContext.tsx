// A ready AppContext for the agents: state from the reducer, the typed API client and the socket.
import { createContext, useContext, useMemo, useReducer, useState, type ReactNode } from "react";
import { createApiClient, type ApiClient } from "./api.js";
import { agentReducer, initialAgentState, type AgentState, type AppAction } from "./reducer.js";
import type { SyncStatus } from "./sync.js";
import type { AgentEvent } from "./types.js";
import { useAgentSync } from "./useAgentSync.js";

export interface AgentContextValue {
  state: AgentState;
  dispatch: (action: AppAction) => void;
  api: ApiClient;
  status: SyncStatus;
  tenantId: string;
  /**
   * Bumped after every REST reload (socket start, `resync_required`): pages that load their own
   * data put it in their effects' dependencies, so what the socket missed shows up.
   */
  refreshes: number;
}

const AgentContext = createContext<AgentContextValue | null>(null);

export interface AgentProviderProps {
  baseUrl: string;
  tenantId: string;
  token: string;
  onEvent?: (event: AgentEvent) => void;
  /** Extra REST state to reload on (re)sync, besides the pending auth requests. */
  refetch?: (api: ApiClient, dispatch: (action: AppAction) => void) => Promise<void>;
  children: ReactNode;
}

/** One salon's state: another salon (or back end) gets a fresh provider, not the old state. */
export function AgentProvider(props: AgentProviderProps) {
  return <AgentSession key={`${props.baseUrl}|${props.tenantId}`} {...props} />;
}

function AgentSession({ baseUrl, tenantId, token, onEvent, refetch, children }: AgentProviderProps) {
  const [state, dispatch] = useReducer(agentReducer, initialAgentState);
  const [refreshes, setRefreshes] = useState(0);
  const api = useMemo(() => createApiClient({ baseUrl, token }), [baseUrl, token]);
  const { status } = useAgentSync({
    baseUrl,
    tenantId,
    token,
    dispatch,
    onEvent,
    refetch: async (since) => {
      dispatch({ type: "SET_AUTH_REQUESTS", payload: await api.pendingAuthRequests(), since });
      // Secondary: a failure here must not hold back the approvals above or the page reloads.
      await api
        .campaignRuns()
        .then((runs) => dispatch({ type: "SET_CAMPAIGN_RUNS", payload: runs }))
        .catch(() => undefined);
      await refetch?.(api, dispatch);
      setRefreshes((n) => n + 1);
    },
  });
  const value = useMemo(
    () => ({ state, dispatch, api, status, tenantId, refreshes }),
    [state, api, status, tenantId, refreshes],
  );
  return <AgentContext.Provider value={value}>{children}</AgentContext.Provider>;
}

export function useAgent(): AgentContextValue {
  const value = useContext(AgentContext);
  if (value === null) throw new Error("useAgent must be used inside <AgentProvider>");
  return value;
}

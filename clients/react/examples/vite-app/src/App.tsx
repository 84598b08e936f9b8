// A salon dashboard on the kit, as a customer's Vite app writes it: its own reducer with the
// agents' folded in, the live socket on its dispatch, the typed API client, the seed's card.
// tests/integration/test_client_package.py installs the kit's `npm pack` here and builds it.
import { useMemo, useReducer, useState } from "react";
import {
  ApiError,
  AuthRequestCard,
  agentReducer,
  createApiClient,
  initialAgentState,
  unwrap,
  useAgentSync,
  type AgentState,
  type ApiClient,
  type AppAction,
  type Decision,
  type Schemas,
  type SyncStatus,
} from "@agenda-cheia/react";

interface AppState {
  agent: AgentState;
  toasts: string[];
}

type ToastAction = { type: "TOAST"; text: string };

function reducer(state: AppState, action: AppAction | ToastAction): AppState {
  if (action.type === "TOAST") return { ...state, toasts: [...state.toasts, action.text].slice(-3) };
  const agent = agentReducer(state.agent, action); // an action it does not know: unchanged
  return agent === state.agent ? state : { ...state, agent };
}

const STATUS: Record<SyncStatus, string> = {
  connecting: "Conectando…",
  replaying: "Sincronizando…",
  live: "Ao vivo",
  reconnecting: "Reconectando…",
  unauthorized: "Entre de novo",
  stopped: "Desconectado",
};

/** Any endpoint through openapi-fetch (`api.http`): path, query and answer are typed. */
async function findClients(api: ApiClient, search: string): Promise<Schemas["Client"][]> {
  const page = await unwrap(api.http.GET("/api/v1/clients", { params: { query: { search, limit: 20 } } }));
  return page.data;
}

export default function App({
  baseUrl,
  tenantId,
  token,
}: {
  baseUrl: string;
  tenantId: string;
  token: string;
}) {
  const [state, dispatch] = useReducer(reducer, { agent: initialAgentState, toasts: [] });
  const [clients, setClients] = useState<Schemas["Client"][]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const api = useMemo(() => createApiClient({ baseUrl, token }), [baseUrl, token]);
  const { status } = useAgentSync({
    baseUrl,
    tenantId,
    token: token || null,
    dispatch,
    api,
    onEvent: (event) => {
      if (event.event_type === "auth_request_created") {
        dispatch({ type: "TOAST", text: "Nova autorização para revisar!" });
      }
    },
  });
  const decide = (id: string, decision: Decision) => api.decideAuthRequest(id, decision);
  const search = () =>
    findClients(api, "Ana").then(setClients, (error: unknown) =>
      setProblem(error instanceof ApiError ? `${error.status} ${error.code}` : String(error)),
    );

  return (
    <main>
      <p>{STATUS[status]}</p>
      {state.toasts.map((text, i) => (
        <p key={i}>{text}</p>
      ))}
      <button type="button" onClick={() => void search()}>
        Buscar clientes
      </button>
      {problem && <p role="alert">{problem}</p>}
      <ul>
        {clients.map((client) => (
          <li key={client.id}>{client.name}</li>
        ))}
      </ul>
      {state.agent.authRequests.map((request) => (
        <AuthRequestCard key={request.id} request={request} onDecide={decide} />
      ))}
    </main>
  );
}

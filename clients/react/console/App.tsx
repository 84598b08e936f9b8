// The owner console: login, then Painel / Agenda / Chat / Retorno over one live socket.
import { useCallback, useEffect, useState } from "react";
import { AgentProvider, useAgent, type AgentEvent, type SyncStatus } from "../src";
import { Calendar } from "./pages/Calendar";
import { Chat } from "./pages/Chat";
import { Dashboard } from "./pages/Dashboard";
import { Login } from "./pages/Login";
import { Recall } from "./pages/Recall";
import { apiBaseUrl, clearLogin, loadLogin, saveLogin, type StoredLogin } from "./session";

const PAGES = {
  dashboard: { label: "Painel", component: Dashboard },
  calendar: { label: "Agenda", component: Calendar },
  chat: { label: "Chat", component: Chat },
  recall: { label: "Retorno", component: Recall },
} as const;
type PageName = keyof typeof PAGES;

const STATUS_LABEL: Record<SyncStatus, string> = {
  connecting: "Conectando…",
  replaying: "Sincronizando…",
  live: "Ao vivo",
  reconnecting: "Reconectando…",
  unauthorized: "Sessão expirada",
  stopped: "Desconectado",
};

function currentPage(): PageName {
  const name = window.location.hash.replace(/^#\/?/, "");
  return name in PAGES ? (name as PageName) : "dashboard";
}

function useHashPage(): PageName {
  const [page, setPage] = useState(currentPage);
  useEffect(() => {
    const onChange = () => setPage(currentPage());
    window.addEventListener("hashchange", onChange);
    return () => window.removeEventListener("hashchange", onChange);
  }, []);
  return page;
}

interface Toast {
  id: number;
  text: string;
}

function toastText(event: AgentEvent): string | null {
  switch (event.event_type) {
    case "auth_request_created":
      return "Nova autorização para revisar!";
    case "ai_response":
      return event.data.booking_created ? "IA sugeriu um agendamento" : null;
    case "campaign_completed":
      return `${event.data.stats.suggestions_created} sugestões criadas pela campanha`;
    case "complaint_received":
      return `Reclamação de ${event.data.client_name}`;
    default:
      return null;
  }
}

export function App() {
  const [login, setLogin] = useState<StoredLogin | null>(loadLogin);
  const [toasts, setToasts] = useState<Toast[]>([]);
  const onEvent = useCallback((event: AgentEvent) => {
    const text = toastText(event);
    if (!text) return;
    const id = event.event_id;
    setToasts((all) => [...all.filter((t) => t.id !== id), { id, text }].slice(-4));
    setTimeout(() => setToasts((all) => all.filter((t) => t.id !== id)), 5000);
  }, []);

  if (!login) {
    return (
      <Login
        baseUrl={apiBaseUrl()}
        onLogin={(next) => {
          saveLogin(next);
          setLogin(next);
        }}
      />
    );
  }
  const logout = () => {
    clearLogin();
    setLogin(null);
  };
  return (
    <AgentProvider
      baseUrl={apiBaseUrl()}
      tenantId={login.session.tenant_id}
      token={login.token}
      onEvent={onEvent}
    >
      <Shell login={login} onLogout={logout} />
      <div className="toasts" aria-live="polite">
        {toasts.map((t) => (
          <div key={t.id} className="toast" data-testid="toast">
            {t.text}
          </div>
        ))}
      </div>
    </AgentProvider>
  );
}

function Shell({ login, onLogout }: { login: StoredLogin; onLogout: () => void }) {
  const page = useHashPage();
  const { status, state } = useAgent();
  const Page = PAGES[page].component;
  return (
    <div className="shell">
      <header className="topbar">
        <div className="brand">
          <strong>Agenda Cheia</strong>
          <span className="salon" data-testid="salon-name">
            {login.session.tenant_name}
          </span>
        </div>
        <nav>
          {(Object.keys(PAGES) as PageName[]).map((name) => (
            <a key={name} href={`#/${name}`} className={name === page ? "active" : ""}>
              {PAGES[name].label}
              {name === "dashboard" && state.authRequests.length > 0 && (
                <span className="badge">{state.authRequests.length}</span>
              )}
            </a>
          ))}
        </nav>
        <span className={`sync sync-${status}`} data-testid="sync-status" data-status={status}>
          {STATUS_LABEL[status]}
        </span>
        <button type="button" className="link" onClick={onLogout}>
          Sair
        </button>
      </header>
      {status === "unauthorized" && (
        <p className="banner" role="alert">
          Sua sessão expirou ou o token foi recusado.{" "}
          <button type="button" onClick={onLogout}>
            Entrar de novo
          </button>
        </p>
      )}
      <main>
        <Page session={login.session} />
      </main>
    </div>
  );
}

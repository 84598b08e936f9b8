// The owner console: login, then Painel / Agenda / Chat / Retorno / Ajustes over one live socket.
import { useCallback, useEffect, useState } from "react";
import {
  AgentProvider,
  DEFAULT_TIME_ZONE,
  clientNoticeText,
  useAgent,
  type AgentEvent,
  type SyncStatus,
} from "../src";
import { Calendar } from "./pages/Calendar";
import { Chat } from "./pages/Chat";
import { Dashboard } from "./pages/Dashboard";
import { Login } from "./pages/Login";
import { Recall } from "./pages/Recall";
import { Settings } from "./pages/Settings";
import { apiBaseUrl, clearLogin, loadLogin, saveLogin, type StoredLogin } from "./session";

const PAGES = {
  dashboard: { label: "Painel", component: Dashboard },
  calendar: { label: "Agenda", component: Calendar },
  chat: { label: "Chat", component: Chat },
  recall: { label: "Retorno", component: Recall },
  settings: { label: "Ajustes", component: Settings },
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
  key: string;
  text: string;
  count: number;
}

const TOAST_MS = 5000;

/** What to tell the owner about an event, and under which key repeats are counted together. */
function toastFor(
  event: AgentEvent,
  timeZone: string,
): { key: string; text: (count: number) => string } | null {
  switch (event.event_type) {
    case "auth_request_created":
      return {
        key: "auth",
        text: (n) => (n === 1 ? "Nova autorização para revisar!" : `${n} novas autorizações para revisar!`),
      };
    case "ai_response":
      return event.data.booking_created ? { key: "booking", text: () => "IA sugeriu um agendamento" } : null;
    case "campaign_completed": {
      const created = event.data.stats.suggestions_created;
      return { key: `campaign:${event.event_id}`, text: () => `${created} sugestões criadas pela campanha` };
    }
    case "appointment_updated": {
      const d = event.data;
      if (!d.by_client) return null;
      const when = `${d.date.split("-").reverse().join("/")} às ${d.time}`;
      const text =
        d.status === "cancelled"
          ? `${d.client_name} cancelou o horário de ${when}`
          : `${d.client_name} confirmou o horário de ${when}`;
      return { key: `visit:${event.event_id}`, text: () => text };
    }
    case "complaint_received": {
      const name = event.data.client_name;
      return { key: `complaint:${event.event_id}`, text: () => `Reclamação de ${name}` };
    }
    case "client_notice": {
      // Late, on the way, arrived, a question for the team: the owner acts on these now. Media
      // shows in the Chat (the agent already answered it).
      if (event.data.kind === "media") return null;
      const text = clientNoticeText(event.data, event.occurred_at, timeZone);
      return { key: `notice:${event.event_id}`, text: () => text };
    }
    default:
      return null;
  }
}

export function App() {
  const [login, setLogin] = useState<StoredLogin | null>(loadLogin);
  const [toasts, setToasts] = useState<Toast[]>([]);
  const timeZone = login?.session.time_zone;
  const onEvent = useCallback(
    (event: AgentEvent) => {
      const toast = toastFor(event, timeZone ?? DEFAULT_TIME_ZONE);
      if (!toast) return;
      // A campaign creating 100 suggestions makes one toast that counts, not 100.
      setToasts((all) => {
        const count = (all.find((t) => t.key === toast.key)?.count ?? 0) + 1;
        const next = { key: toast.key, text: toast.text(count), count };
        return [...all.filter((t) => t.key !== toast.key), next].slice(-4);
      });
      setTimeout(() => setToasts((all) => all.filter((t) => t.key !== toast.key)), TOAST_MS);
    },
    [timeZone],
  );

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
          <div key={t.key} className="toast" data-testid="toast">
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

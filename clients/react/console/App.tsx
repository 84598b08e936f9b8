// The owner console: the way in (a token from the salon's system, useEntry.ts), then its pages over
// one live socket; on a phone the pages are a tab bar that scrolls sideways (styles.css).
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
import { WorkingHoursPage } from "./pages/WorkingHours";
import type { Entry } from "./embed";
import { apiBaseUrl, type StoredLogin } from "./session";
import { useEntry, type EntryState } from "./useEntry";

const PAGES = {
  dashboard: { label: "Painel", component: Dashboard },
  calendar: { label: "Agenda", component: Calendar },
  chat: { label: "Chat", component: Chat },
  recall: { label: "Retorno", component: Recall },
  hours: { label: "Horários", component: WorkingHoursPage },
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

export function App({ entry = null }: { entry?: Entry | null }) {
  const [baseUrl] = useState(apiBaseUrl);
  const access = useEntry(baseUrl, entry);
  const login = access.login;
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

  if (!login) return <Login {...access} />;
  return (
    <AgentProvider baseUrl={baseUrl} tenantId={login.session.tenant_id} token={login.token} onEvent={onEvent}>
      <Shell login={login} access={access} />
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

function Shell({ login, access }: { login: StoredLogin; access: EntryState }) {
  const page = useHashPage();
  const { status, state } = useAgent();
  const Page = PAGES[page].component;
  const { askHost } = access;
  // Refused by the socket or the API: a framed console asks its host for a fresh token.
  useEffect(() => {
    if (status === "unauthorized") askHost("expired");
  }, [status, askHost]);
  return (
    <div className="shell">
      <header className="topbar">
        <div className="brand">
          <strong>Agenda Cheia</strong>
          <span className="salon" data-testid="salon-name">
            {login.session.tenant_name}
          </span>
        </div>
        <nav aria-label="Páginas">
          {(Object.keys(PAGES) as PageName[]).map((name) => (
            <a
              key={name}
              href={`#/${name}`}
              className={name === page ? "active" : ""}
              aria-current={name === page ? "page" : undefined}
            >
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
        <button type="button" className="link logout" onClick={access.signOut}>
          Sair
        </button>
      </header>
      {(status === "unauthorized" || access.status === "refused") && <ExpiredBanner access={access} />}
      <main>
        <Page session={login.session} />
      </main>
    </div>
  );
}

/** The session ended (expired, or the token refused): the way back, in the owner's words. */
function ExpiredBanner({ access }: { access: EntryState }) {
  const { hosted, status, problem, back } = access;
  return (
    <div className="banner" role="alert" data-testid="session-expired" title={problem?.code}>
      <p>
        {problem && status === "refused"
          ? `${problem.text} `
          : "Sua sessão expirou ou o acesso foi recusado. "}
        {hosted
          ? status === "waiting" || status === "checking"
            ? "Pedimos um novo acesso ao sistema do salão…"
            : "Peça um novo acesso ao sistema do salão."
          : "Volte ao sistema do salão e abra o painel de novo."}
      </p>
      <p className="entry-actions">
        {hosted && (
          <button type="button" onClick={() => access.askHost("refused", true)}>
            Pedir novo acesso
          </button>
        )}
        {back && (
          <a className="button" href={back} target="_top">
            Voltar ao sistema do salão
          </a>
        )}
        {!hosted && (
          <button type="button" onClick={access.signOut}>
            Entrar de novo
          </button>
        )}
      </p>
    </div>
  );
}

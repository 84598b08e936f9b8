// Painel: pending approvals as cards, live counters, campaign results and recent notices.
import { useState } from "react";
import {
  ApiError,
  AuthRequestCard,
  apiErrorText,
  agentLabel,
  clientNoticeText,
  errorCodeText,
  formatDateTime,
  localDay,
  useAgent,
  type Decision,
  type Session,
} from "../../src";

export function Dashboard({ session }: { session: Session }) {
  const { state, api, dispatch } = useAgent();
  const zone = session.time_zone;
  const today = localDay(new Date(), zone);
  const campaignsToday = state.campaignHistory.filter((c) => localDay(c.at, zone) === today).length;

  async function decide(id: string, decision: Decision) {
    try {
      const result = await api.decideAuthRequest(id, decision);
      if (result.preapproved) return; // still pending: its auth_request_updated marks the card
    } catch (error) {
      // Decided elsewhere (another tab, another person): nothing left to do here.
      if (!(error instanceof ApiError && error.code === "already_decided")) throw error;
    }
    // The event removes it too; the answer is enough to know it is decided.
    dispatch({ type: "REMOVE_AUTH_REQUEST", payload: id });
  }

  const open = state.authRequests.filter((r) => !r.closed);
  // Offers of one campaign run that still wait for the owner: approved together in one click.
  const byRun = new Map<string, string[]>();
  for (const r of open) {
    if (r.campaign_run_id && !r.preapproved) {
      byRun.set(r.campaign_run_id, [...(byRun.get(r.campaign_run_id) ?? []), r.id]);
    }
  }
  const [batchNote, setBatchNote] = useState<string | null>(null);

  async function approveRun(ids: string[]) {
    setBatchNote(null);
    try {
      const answer = await api.decideAuthRequests(
        ids.map((id) => ({ auth_request_id: id, decision: "approve" as const })),
      );
      for (const item of answer.data) {
        if (item.result && !item.result.preapproved) {
          dispatch({ type: "REMOVE_AUTH_REQUEST", payload: item.auth_request_id });
        }
      }
      // Why the others were refused, once per reason (slot taken, offer closed, …).
      const reasons = [
        ...new Set(
          answer.data.filter((item) => item.code).map((item) => errorCodeText(item.code) ?? item.code),
        ),
      ];
      const parts = [
        answer.approved ? `${answer.approved} aprovadas` : null,
        answer.preapproved
          ? `${answer.preapproved} pré-aprovadas (reservadas quando o cliente aceitar)`
          : null,
        answer.refused ? `${answer.refused} não puderam ser aprovadas (${reasons.join(" ")})` : null,
      ].filter(Boolean);
      setBatchNote(parts.join(" · "));
    } catch (caught) {
      setBatchNote(`Não foi possível aprovar as ofertas. ${apiErrorText(caught, "Tente de novo.")}`);
    }
  }
  const pending = [...state.authRequests].sort((a, b) =>
    a.appointment_data.starts_at < b.appointment_data.starts_at ? -1 : 1,
  );
  return (
    <section className="dashboard">
      <div className="counters">
        <Counter label="Autorizações pendentes" value={open.length} testId="count-pending" />
        <Counter
          label="Aprovados desde que você entrou"
          value={state.appointments.length}
          testId="count-approved"
        />
        <Counter
          label="Mensagens entregues desde que você entrou"
          value={state.counters.delivered}
          testId="count-delivered"
        />
        <Counter label="Campanhas hoje" value={campaignsToday} testId="count-campaigns" />
      </div>

      <h2>Autorizações pendentes ({open.length})</h2>
      {session.role === "owner" &&
        [...byRun.entries()]
          .filter(([, ids]) => ids.length > 1)
          .map(([run, ids]) => (
            <p key={run} className="batch">
              <button type="button" onClick={() => approveRun(ids)} data-testid="approve-campaign">
                Aprovar todas as ofertas desta campanha ({ids.length})
              </button>
            </p>
          ))}
      {batchNote && (
        <p className="batch-note" role="status" data-testid="batch-note">
          {batchNote}
        </p>
      )}
      {pending.length === 0 ? (
        <p className="empty" data-testid="no-pending">
          Nenhuma sugestão aguardando aprovação.
        </p>
      ) : (
        <div className="cards">
          {pending.map((request) => (
            <AuthRequestCard
              key={request.id}
              request={request}
              timeZone={zone}
              onDecide={decide}
              canDecide={session.role === "owner"}
              onDismiss={(id) => dispatch({ type: "REMOVE_AUTH_REQUEST", payload: id })}
            />
          ))}
        </div>
      )}

      <div className="columns">
        <div>
          <h2>Resultados das campanhas</h2>
          {state.campaignHistory.length === 0 ? (
            <p className="empty">Nenhuma campanha executada ainda.</p>
          ) : (
            <ul className="campaigns" data-testid="campaign-results">
              {state.campaignHistory.map((c) => (
                <li key={`${c.run_id ?? c.at}`}>
                  <strong>{agentLabel(c.campaign_type)}</strong> · {formatDateTime(c.at, zone)} ·{" "}
                  {c.total_clients_found} clientes encontrados · {c.suggestions_created} sugestões ·{" "}
                  {c.notifications_sent} mensagens
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h2>Avisos</h2>
          {state.notifications.length === 0 ? (
            <p className="empty">Sem avisos.</p>
          ) : (
            <ul className="notices">
              {state.notifications.map((n) => (
                <li
                  key={n.id}
                  className={`notice notice-${n.kind}`}
                  data-testid="notice"
                  data-kind={n.kind}
                  title={n.code}
                >
                  {formatDateTime(n.at, zone)} · {n.notice ? clientNoticeText(n.notice, n.at, zone) : n.text}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}

function Counter({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <div className="counter">
      <span className="value" data-testid={testId}>
        {value}
      </span>
      <span className="label">{label}</span>
    </div>
  );
}

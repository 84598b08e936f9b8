// The funnel of the campaigns of a range of the salon's days on the Retorno page: offers → the
// client's answers → bookings → visits, and revenue, per campaign type and per run.
import { useEffect, useState } from "react";
import {
  ApiError,
  addDays,
  agentLabel,
  formatDate,
  formatMoney,
  localDay,
  useAgent,
  type CampaignFunnel,
  type CampaignType,
  type FunnelCounts,
  type Session,
} from "../../src";
import { FailureNote, failureOf, type Failure } from "../Failure";

interface FunnelColumn {
  key: keyof FunnelCounts;
  label: string;
  hint?: string;
  money?: boolean;
}

const FUNNEL_COLUMNS: FunnelColumn[] = [
  { key: "offers", label: "Ofertas" },
  { key: "sent", label: "Enviadas", hint: "Mensagens de WhatsApp que saíram" },
  {
    key: "delivered",
    label: "Entregues",
    hint: "As confirmações de entrega do WhatsApp ainda não são recebidas",
  },
  { key: "accepted", label: "Aceitas", hint: "O cliente respondeu sim" },
  { key: "declined", label: "Recusadas", hint: "O cliente respondeu não" },
  { key: "expired", label: "Expiradas", hint: "Sem resposta a tempo" },
  { key: "withdrawn", label: "Preenchidas", hint: "Outro agendamento ocupou o horário" },
  { key: "preapproved", label: "Pré-aprovadas" },
  { key: "booked", label: "Agendadas" },
  { key: "attended", label: "Compareceram" },
  { key: "no_show", label: "Faltas" },
  { key: "cancelled", label: "Canceladas" },
  { key: "revenue_booked_cents", label: "Receita agendada", money: true, hint: "Sem os cancelados" },
  { key: "revenue_attended_cents", label: "Receita realizada", money: true, hint: "Atendimentos concluídos" },
];
const TRIGGERS: Record<string, string> = { schedule: "Automática", manual: "Manual", bulk: "Em lote" };
const FUNNEL_DAYS = 30;

interface FunnelRange {
  from: string;
  to: string;
  campaignType: CampaignType | "";
}

function FunnelCells({ counts }: { counts: FunnelCounts }) {
  return (
    <>
      {FUNNEL_COLUMNS.map((c) => {
        const value = counts[c.key];
        return (
          <td key={c.key} data-col={c.key} title={value === null ? c.hint : undefined}>
            {value === null ? "—" : c.money ? formatMoney(value) : value}
          </td>
        );
      })}
    </>
  );
}

function FunnelHeaders() {
  return (
    <>
      {FUNNEL_COLUMNS.map((c) => (
        <th key={c.key} title={c.hint}>
          {c.label}
        </th>
      ))}
    </>
  );
}

/** The funnel of the runs of a range of the salon's days (the last 30 by default), per campaign
 * and per run; reloaded when the range changes, after a run and after a resync. */
export function FunnelSection({ session, lastRun }: { session: Session; lastRun: string | null }) {
  const { api, refreshes } = useAgent();
  const [range, setRange] = useState<FunnelRange>(() => {
    const today = localDay(new Date(), session.time_zone);
    return { from: addDays(today, 1 - FUNNEL_DAYS), to: today, campaignType: "" };
  });
  const [funnel, setFunnel] = useState<CampaignFunnel | null>(null);
  const [error, setError] = useState<Failure | null>(null);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    let live = true;
    api
      .funnel({ from: range.from, to: range.to, campaignType: range.campaignType || undefined })
      .then((found) => {
        if (!live) return;
        setFunnel(found);
        setError(null);
      })
      .catch((caught: unknown) => {
        if (!live) return;
        setFunnel(null);
        const why = failureOf(caught, "Não foi possível carregar o funil das campanhas.");
        setError(
          caught instanceof ApiError && caught.status === 422
            ? {
                ...why,
                text: "Período inválido: a data final deve ser igual ou posterior à inicial, em no máximo 366 dias.",
              }
            : why,
        );
      });
    return () => {
      live = false;
    };
  }, [api, range, refreshes, lastRun, reloads]);

  return (
    <section className="funnel" data-testid="funnel">
      <h2>Funil das campanhas</h2>
      <form className="campaign-form" aria-label="Funil das campanhas" onSubmit={(e) => e.preventDefault()}>
        <label>
          De
          <input
            type="date"
            value={range.from}
            required
            onChange={(e) => setRange({ ...range, from: e.target.value })}
          />
        </label>
        <label>
          Até
          <input
            type="date"
            value={range.to}
            required
            onChange={(e) => setRange({ ...range, to: e.target.value })}
          />
        </label>
        <label>
          Tipo de campanha
          <select
            value={range.campaignType}
            onChange={(e) =>
              setRange({ ...range, campaignType: e.target.value as FunnelRange["campaignType"] })
            }
          >
            <option value="">Todas</option>
            <option value="prazo_certo">{agentLabel("prazo_certo")}</option>
            <option value="encher_agenda">{agentLabel("encher_agenda")}</option>
          </select>
        </label>
        <button type="button" onClick={() => setReloads((n) => n + 1)}>
          Atualizar
        </button>
      </form>
      <FailureNote failure={error} />
      {funnel && (
        <>
          <h3>Por campanha</h3>
          <div style={{ overflowX: "auto" }}>
            <table className="funnel-totals">
              <thead>
                <tr>
                  <th>Campanha</th>
                  <th>Execuções</th>
                  <FunnelHeaders />
                </tr>
              </thead>
              <tbody>
                {funnel.totals.map((t) => (
                  <tr key={t.campaign_type} data-testid="funnel-total" data-campaign={t.campaign_type}>
                    <td>{agentLabel(t.campaign_type)}</td>
                    <td data-col="runs">{t.runs}</td>
                    <FunnelCells counts={t} />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h3>Por execução</h3>
          {funnel.runs.length === 0 ? (
            <p className="empty">Nenhuma campanha neste período.</p>
          ) : (
            <div style={{ overflowX: "auto" }}>
              <table className="funnel-runs">
                <thead>
                  <tr>
                    <th>Dia</th>
                    <th>Campanha</th>
                    <th>Origem</th>
                    <FunnelHeaders />
                  </tr>
                </thead>
                <tbody>
                  {funnel.runs.map((r) => (
                    <tr key={r.run_id} data-testid="funnel-run" data-run={r.run_id}>
                      <td>{formatDate(r.local_date, session.time_zone)}</td>
                      <td>{agentLabel(r.campaign_type)}</td>
                      <td>{TRIGGERS[r.trigger] ?? r.trigger}</td>
                      <FunnelCells counts={r} />
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}

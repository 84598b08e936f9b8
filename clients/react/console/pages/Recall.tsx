// Retorno: run Prazo Certo or Encher Agenda with a preview first, then see the results, and the
// funnel of the campaigns of a range of days (offers → answers → bookings → visits, and revenue).
import { useEffect, useState, type FormEvent } from "react";
import {
  ApiError,
  agentLabel,
  campaignSkipText,
  formatDate,
  formatMoney,
  formatTime,
  randomKey,
  useAgent,
  type CampaignResult,
  type CampaignType,
  type Professional,
  type Schedule,
  type Service,
  type Session,
} from "../../src";
import { FailureNote, failureOf, type Failure } from "../Failure";
import { FunnelSection } from "./Funnel";

const WEEKDAYS = ["seg", "ter", "qua", "qui", "sex", "sáb", "dom"];

interface Form {
  campaign: CampaignType;
  serviceId: string;
  professionalId: string;
  discount: number;
  daysAhead: number;
}

function body(form: Form, dryRun: boolean, campaignId: string) {
  const context = {
    offer_type: "discount" as const,
    offer_value: form.discount,
    days_ahead: form.daysAhead,
    ...(form.professionalId && form.campaign === "prazo_certo"
      ? { professional_id: form.professionalId }
      : {}),
    ...(form.serviceId && form.campaign === "prazo_certo" ? { service_id: form.serviceId } : {}),
  };
  return form.campaign === "prazo_certo"
    ? { campaign_id: campaignId, dry_run: dryRun, context }
    : {
        campaign_id: campaignId,
        dry_run: dryRun,
        context,
        ...(form.professionalId ? { professional_id: form.professionalId } : {}),
      };
}

export function Recall({ session }: { session: Session }) {
  const { api } = useAgent();
  const [services, setServices] = useState<Service[]>([]);
  const [professionals, setProfessionals] = useState<Professional[]>([]);
  const [schedules, setSchedules] = useState<Schedule[]>([]);
  const [form, setForm] = useState<Form>({
    campaign: "prazo_certo",
    serviceId: "",
    professionalId: "",
    discount: 10,
    daysAhead: 7,
  });
  const [preview, setPreview] = useState<{ id: string; result: CampaignResult } | null>(null);
  const [done, setDone] = useState<CampaignResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Failure | null>(null);
  const isOwner = session.role === "owner";

  useEffect(() => {
    void Promise.all([api.services(), api.professionals(), api.schedules()])
      .then(([svcs, pros, sched]) => {
        setServices(svcs);
        setProfessionals(pros.filter((p) => p.active));
        setSchedules(sched);
      })
      .catch((caught: unknown) =>
        setError(failureOf(caught, "Não foi possível carregar serviços e profissionais.")),
      );
  }, [api]);

  function change(update: Partial<Form>) {
    setForm({ ...form, ...update });
    setPreview(null); // a preview belongs to the options it was made with
  }

  async function run(dryRun: boolean, campaignId: string) {
    setBusy(true);
    setError(null);
    try {
      const call = form.campaign === "prazo_certo" ? api.runPrazoCerto : api.runEncherAgenda;
      const result = await call(body(form, dryRun, campaignId));
      if (dryRun) {
        setPreview({ id: campaignId, result });
        setDone(null);
      } else {
        setDone(result);
        setPreview(null);
      }
    } catch (caught) {
      const why = failureOf(caught, "Tente de novo.");
      setError({
        ...why,
        text:
          caught instanceof ApiError && caught.status === 403
            ? "Só o dono do salão pode executar campanhas."
            : `A campanha não pôde ser executada. ${why.text}`,
      });
    } finally {
      setBusy(false);
    }
  }

  function submitPreview(event: FormEvent) {
    event.preventDefault();
    // The same id for the preview and the run: a double click on "Enviar" runs once.
    void run(true, randomKey());
  }

  return (
    <section className="recall">
      <form className="campaign-form" onSubmit={submitPreview} aria-label="Campanha">
        <fieldset>
          <legend>Campanha</legend>
          {(["prazo_certo", "encher_agenda"] as const).map((c) => (
            <label key={c} className="radio">
              <input
                type="radio"
                name="campaign"
                value={c}
                checked={form.campaign === c}
                onChange={() => change({ campaign: c, daysAhead: c === "prazo_certo" ? 7 : 3 })}
              />
              {agentLabel(c)}
            </label>
          ))}
        </fieldset>
        {form.campaign === "prazo_certo" && (
          <label>
            Serviço
            <select value={form.serviceId} onChange={(e) => change({ serviceId: e.target.value })}>
              <option value="">Todos</option>
              {services.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          Profissional
          <select value={form.professionalId} onChange={(e) => change({ professionalId: e.target.value })}>
            <option value="">Todos</option>
            {professionals.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Desconto (%)
          <input
            type="number"
            min={1}
            max={100}
            value={form.discount}
            onChange={(e) => change({ discount: Number(e.target.value) })}
          />
        </label>
        <label>
          Dias à frente
          <input
            type="number"
            min={1}
            max={60}
            value={form.daysAhead}
            onChange={(e) => change({ daysAhead: Number(e.target.value) })}
          />
        </label>
        <button type="submit" disabled={busy || !isOwner}>
          Pré-visualizar
        </button>
        {!isOwner && <p className="hint">Só o dono do salão executa campanhas.</p>}
      </form>

      <FailureNote failure={error} testId="campaign-error" />
      {preview && (
        <div className="preview" data-testid="campaign-preview">
          <h2>Pré-visualização — {agentLabel(preview.result.campaign_type)}</h2>
          <Summary result={preview.result} />
          <Suggestions result={preview.result} zone={session.time_zone} />
          <button
            type="button"
            disabled={busy || preview.result.suggestions.length === 0}
            onClick={() => void run(false, preview.id)}
          >
            Enviar {preview.result.suggestions.length} sugestões
          </button>
        </div>
      )}
      {done && (
        <div className="results" data-testid="campaign-results">
          <h2>
            {agentLabel(done.campaign_type)} concluída{done.repeated ? " (já executada)" : ""}
          </h2>
          <Summary result={done} />
          <p>
            As sugestões aguardam sua aprovação no <a href="#/dashboard">Painel</a>; as ofertas saem pelo
            WhatsApp.
          </p>
          <Suggestions result={done} zone={session.time_zone} />
        </div>
      )}

      <FunnelSection session={session} lastRun={done?.run_id ?? null} />

      <h2>Execuções automáticas</h2>
      <ul className="schedules">
        {schedules.map((s) => (
          <li key={s.campaign_type}>
            <strong>{agentLabel(s.campaign_type)}</strong>:{" "}
            {s.enabled
              ? `${s.weekdays.length === 7 ? "todos os dias" : s.weekdays.map((d) => WEEKDAYS[d]).join(", ")} às ${s.local_time.slice(0, 5)}`
              : "desligada"}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Summary({ result }: { result: CampaignResult }) {
  const skipped = Object.entries(result.skipped).filter(([, n]) => n > 0);
  // A preview creates nothing: it counts what the run would create.
  const suggestions = result.dry_run ? result.suggestions.length : result.suggestions_created;
  return (
    <div className="summary">
      <p data-testid="campaign-summary">
        {result.total_clients_found} clientes encontrados · {suggestions} sugestões
        {result.dry_run ? " a enviar" : ` · ${result.notifications_sent} mensagens na fila`}
      </p>
      {skipped.length > 0 && (
        <ul className="skipped">
          {skipped.map(([reason, n]) => (
            <li key={reason} title={reason}>
              {campaignSkipText(reason)}: {n}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Suggestions({ result, zone }: { result: CampaignResult; zone: string }) {
  if (result.suggestions.length === 0) return <p className="empty">Nenhuma sugestão.</p>;
  return (
    <table className="suggestions stack">
      <thead>
        <tr>
          <th>Cliente</th>
          <th>Serviço</th>
          <th>Profissional</th>
          <th>Data</th>
          <th>Horário</th>
          <th>Preço</th>
          <th>Motivo</th>
        </tr>
      </thead>
      <tbody>
        {result.suggestions.map((s) => (
          <tr key={`${s.client_id}-${s.date}-${s.time}`} data-testid="suggestion">
            <td data-label="Cliente">{s.client_name}</td>
            <td data-label="Serviço">{s.service_name}</td>
            <td data-label="Profissional">{s.professional_name}</td>
            <td data-label="Data">{formatDate(s.date, zone)}</td>
            <td data-label="Horário">{formatTime(s.time, zone)}</td>
            <td data-label="Preço">
              {s.final_price_cents !== s.price_cents && <s>{formatMoney(s.price_cents)}</s>}{" "}
              {formatMoney(s.final_price_cents)}
            </td>
            <td data-label="Motivo">{s.why}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

// Ajustes: the salon's own settings for its campaigns, reminders, visits, chat and days off (what
// the owner never changed follows the back end's defaults; saving sends only what changed), and
// the salon's profile the chat tells clients.
import { useEffect, useRef, useState, type FormEvent } from "react";
import {
  formatDate,
  useAgent,
  validationProblems,
  type SalonSettings,
  type SalonSettingsBody,
  type Session,
} from "../../src";
import { FailureNote, failureOf, type Failure } from "../Failure";
import { SalonProfileSection } from "./SalonProfile";

type Field = Exclude<keyof SalonSettings, "closed_days">;

const NUMBERS: { field: Field; label: string; min: number; max: number; unit: string }[] = [
  { field: "prazo_certo_discount_pct", label: "Desconto padrão do Prazo Certo", min: 0, max: 100, unit: "%" },
  {
    field: "encher_agenda_discount_pct",
    label: "Desconto padrão do Encher Agenda",
    min: 0,
    max: 100,
    unit: "%",
  },
  {
    field: "frequency_cap_days",
    label: "Intervalo mínimo entre ofertas ao mesmo cliente",
    min: 0,
    max: 90,
    unit: "dias",
  },
  { field: "offer_expiry_h", label: "Validade de uma oferta sem resposta", min: 1, max: 168, unit: "horas" },
  {
    field: "reminder_lead_h",
    label: "Lembrete antes do horário (0: sem lembrete)",
    min: 0,
    max: 168,
    unit: "horas",
  },
  { field: "second_reminder_lead_h", label: "Segundo lembrete (0: sem)", min: 0, max: 168, unit: "horas" },
  {
    field: "auto_complete_after_h",
    label: "Concluir atendimentos não marcados após",
    min: 0,
    max: 720,
    unit: "horas",
  },
  {
    field: "handoff_resume_h",
    label: "Devolver à IA uma conversa assumida pela equipe após",
    min: 1,
    max: 168,
    unit: "horas",
  },
];

function hhmm(value: string): string {
  return value.slice(0, 5);
}

/** Only what the owner changed, as the PATCH body (times as HH:MM). */
export function changes(saved: SalonSettings, form: SalonSettings): SalonSettingsBody {
  const body: Record<string, unknown> = {};
  for (const key of Object.keys(form) as (keyof SalonSettings)[]) {
    const before = saved[key];
    const after = form[key];
    if (JSON.stringify(before) !== JSON.stringify(after)) body[key] = after;
  }
  return body as SalonSettingsBody;
}

const FIELD_LABELS = new Map<string, string>([
  ...NUMBERS.map(({ field, label }): [string, string] => [field, label]),
  ["send_window_start", "Envio de ofertas a partir de"],
  ["send_window_end", "Envio de ofertas até"],
  ["closed_days", "Dias fechados"],
]);

/** Why saving failed, in the owner's words: the fields refused, else the code's sentence. */
function problem(error: unknown): Failure {
  const why = failureOf(error, "Tente de novo.");
  const fields = validationProblems(error).map((p) => FIELD_LABELS.get(String(p.field[0])) ?? "um campo");
  const text = fields.length ? `Confira: ${[...new Set(fields)].join("; ")}.` : why.text;
  return { ...why, text: `Não foi possível salvar os ajustes. ${text}` };
}

export function Settings({ session }: { session: Session }) {
  return (
    <div className="settings-page">
      <SalonSettingsForm session={session} />
      <SalonProfileSection session={session} />
    </div>
  );
}

function SalonSettingsForm({ session }: { session: Session }) {
  const { api, refreshes } = useAgent();
  const isOwner = session.role === "owner";
  const [saved, setSaved] = useState<SalonSettings | null>(null);
  const [form, setForm] = useState<SalonSettings | null>(null);
  const [newDay, setNewDay] = useState("");
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<Failure | null>(null);
  const [saving, setSaving] = useState(false);
  const dirtyRef = useRef(false);

  useEffect(() => {
    let live = true;
    api
      .salonSettings()
      .then((settings) => {
        if (!live) return;
        const shown = {
          ...settings,
          send_window_start: hhmm(settings.send_window_start),
          send_window_end: hhmm(settings.send_window_end),
        };
        // A reload after a reconnect must not throw away what the owner is typing.
        setForm((current) => (current === null || !dirtyRef.current ? shown : current));
        setSaved(shown);
      })
      .catch(
        (caught: unknown) => live && setError(failureOf(caught, "Não foi possível carregar os ajustes.")),
      );
    return () => {
      live = false;
    };
  }, [api, refreshes]);

  const dirty = form !== null && saved !== null && Object.keys(changes(saved, form)).length > 0;
  useEffect(() => {
    dirtyRef.current = dirty;
  }, [dirty]);

  if (!form || !saved) {
    return (
      <section className="settings">{error ? <FailureNote failure={error} /> : <p>Carregando…</p>}</section>
    );
  }

  const set = <K extends keyof SalonSettings>(key: K, value: SalonSettings[K]) => {
    setForm({ ...form, [key]: value });
    setStatus(null);
  };

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!form || !saved) return;
    setSaving(true);
    setError(null);
    try {
      const answer = await api.changeSalonSettings(changes(saved, form));
      const shown = {
        ...answer,
        send_window_start: hhmm(answer.send_window_start),
        send_window_end: hhmm(answer.send_window_end),
      };
      setSaved(shown);
      setForm(shown);
      setStatus("Ajustes salvos.");
    } catch (caught) {
      setError(problem(caught));
    } finally {
      setSaving(false);
    }
  }

  function addDay() {
    if (!form || !newDay || form.closed_days.includes(newDay)) return;
    set("closed_days", [...form.closed_days, newDay].sort());
    setNewDay("");
  }

  return (
    <section className="settings">
      <form onSubmit={save} aria-label="Ajustes do salão">
        <fieldset disabled={!isOwner || saving}>
          <h2>Campanhas e lembretes</h2>
          <div className="settings-grid">
            {NUMBERS.map(({ field, label, min, max, unit }) => (
              <label key={field}>
                {label}
                <span>
                  <input
                    type="number"
                    name={field}
                    min={min}
                    max={max}
                    value={form[field] as number}
                    onChange={(e) => set(field, Number(e.target.value))}
                  />{" "}
                  {unit}
                </span>
              </label>
            ))}
            <label>
              Envio de ofertas a partir de
              <input
                type="time"
                name="send_window_start"
                value={form.send_window_start}
                onChange={(e) => set("send_window_start", e.target.value)}
              />
            </label>
            <label>
              até
              <input
                type="time"
                name="send_window_end"
                value={form.send_window_end}
                onChange={(e) => set("send_window_end", e.target.value)}
              />
            </label>
            <label className="checkbox">
              <input
                type="checkbox"
                name="auto_complete"
                checked={form.auto_complete}
                onChange={(e) => set("auto_complete", e.target.checked)}
              />
              Concluir automaticamente os atendimentos que ninguém marcou
            </label>
            <label className="checkbox">
              <input
                type="checkbox"
                name="transcribe_voice"
                checked={form.transcribe_voice}
                onChange={(e) => set("transcribe_voice", e.target.checked)}
              />
              Transcrever áudios com a IA
            </label>
            <label className="checkbox">
              <input
                type="checkbox"
                name="require_marketing_consent"
                checked={form.require_marketing_consent}
                onChange={(e) => set("require_marketing_consent", e.target.checked)}
              />
              Enviar ofertas só a quem autorizou (LGPD)
            </label>
          </div>
          <p className="hint">
            Com a transcrição ligada, a IA entende e responde os áudios dos clientes (o texto aparece no
            Chat); desligada, ela pede que o cliente escreva.
          </p>
          <h2>Dias fechados</h2>
          {form.closed_days.length === 0 && <p className="empty">Nenhum dia fechado.</p>}
          <ul className="closed-days">
            {form.closed_days.map((day) => (
              <li key={day}>
                {formatDate(day)}{" "}
                <button
                  type="button"
                  className="link"
                  aria-label={`Remover ${formatDate(day)}`}
                  onClick={() =>
                    set(
                      "closed_days",
                      form.closed_days.filter((d) => d !== day),
                    )
                  }
                >
                  remover
                </button>
              </li>
            ))}
          </ul>
          <label>
            Fechar o salão em
            <input
              type="date"
              name="new_closed_day"
              value={newDay}
              onChange={(e) => setNewDay(e.target.value)}
            />
          </label>{" "}
          <button type="button" onClick={addDay} disabled={!newDay}>
            Adicionar dia
          </button>
          <p>
            <button type="submit" disabled={!dirty}>
              Salvar ajustes
            </button>
          </p>
        </fieldset>
        {!isOwner && <p className="hint">Só o dono do salão altera os ajustes.</p>}
        {status && (
          <p className="notice" role="status">
            {status}
          </p>
        )}
        <FailureNote failure={error} />
      </form>
    </section>
  );
}

// Horários: each professional's weekly working hours (periods per weekday; a weekday without one
// is a day off). The owner edits one professional's week and saves it whole; bookings already made
// outside the new hours are kept and listed. Staff read. Saved elsewhere: reloaded here.
import { useEffect, useRef, useState, type FormEvent } from "react";
import {
  MAX_WORKING_PERIODS_PER_DAY,
  WEEKDAY_NAMES,
  addPeriod,
  bookingsOutsideText,
  useAgent,
  weekBody,
  weekChanged,
  weekForm,
  weekProblems,
  weekSummary,
  workingHoursErrors,
  type PeriodDraft,
  type Professional,
  type Session,
  type WorkingHours,
} from "../../src";
import { PeriodInputs } from "../PeriodInputs";

export function WorkingHoursPage({ session }: { session: Session }) {
  const { api, refreshes } = useAgent();
  const [professionals, setProfessionals] = useState<Professional[] | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [loadError, setLoadError] = useState(false);

  useEffect(() => {
    let live = true;
    api
      .professionals()
      .then((all) => {
        if (!live) return;
        // Those working here first; the others can still be given hours before they start.
        const inOrder = [...all].sort((a, b) => Number(b.active ?? true) - Number(a.active ?? true));
        setProfessionals(inOrder);
        setChosen((current) => current ?? inOrder[0]?.id ?? null);
        setLoadError(false);
      })
      .catch(() => live && setLoadError(true));
    return () => {
      live = false;
    };
  }, [api, refreshes]);

  return (
    <section className="working-hours">
      <h2>Horários dos profissionais</h2>
      <p className="hint">
        Os dias e horários em que cada profissional atende. A IA só oferece e agenda horários dentro deles; um
        dia sem período é folga.
      </p>
      {loadError && <p className="error">Não foi possível carregar os profissionais.</p>}
      {!professionals && !loadError && <p>Carregando…</p>}
      {professionals?.length === 0 && <p className="hint">Nenhum profissional cadastrado.</p>}
      {professionals && professionals.length > 0 && (
        <>
          <div className="professional-tabs" role="tablist" aria-label="Profissionais">
            {professionals.map((p) => (
              <button
                key={p.id}
                type="button"
                role="tab"
                aria-selected={p.id === chosen}
                className={p.id === chosen ? "active" : ""}
                onClick={() => setChosen(p.id)}
              >
                {p.name}
                {p.active === false && " (inativo)"}
              </button>
            ))}
          </div>
          {chosen && <WeekEditor key={chosen} professionalId={chosen} isOwner={session.role === "owner"} />}
        </>
      )}
    </section>
  );
}

function WeekEditor({ professionalId, isOwner }: { professionalId: string; isOwner: boolean }) {
  const { api, refreshes, state } = useAgent();
  const [saved, setSaved] = useState<WorkingHours | null>(null);
  const [form, setForm] = useState<PeriodDraft[] | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [loadError, setLoadError] = useState(false);
  const [saving, setSaving] = useState(false);
  const dirtyRef = useRef(false);
  // Saved in another tab or by another owner: show it (unless the owner is typing here).
  const updates = state.notifications.filter((n) => n.kind === "working_hours").length;

  useEffect(() => {
    let live = true;
    api
      .workingHours(professionalId)
      .then((week) => {
        if (!live) return;
        setSaved(week);
        setForm((current) => (current === null || !dirtyRef.current ? weekForm(week.periods) : current));
        setLoadError(false);
      })
      .catch(() => live && setLoadError(true));
    return () => {
      live = false;
    };
  }, [api, professionalId, refreshes, updates]);

  const dirty = form !== null && saved !== null && weekChanged(saved.periods, form);
  useEffect(() => {
    dirtyRef.current = dirty;
  }, [dirty]);

  if (!form || !saved) {
    return loadError ? <p className="error">Não foi possível carregar o horário.</p> : <p>Carregando…</p>;
  }

  const change = (next: PeriodDraft[]) => {
    setForm(next);
    setStatus(null);
    setErrors([]);
  };
  const replace = (target: PeriodDraft, next: PeriodDraft | null) =>
    change(next === null ? form.filter((p) => p !== target) : form.map((p) => (p === target ? next : p)));

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!form) return;
    const problems = weekProblems(form);
    if (problems.length > 0) {
      setErrors(problems);
      return;
    }
    setSaving(true);
    setErrors([]);
    try {
      const answer = await api.setWorkingHours(professionalId, weekBody(form));
      setSaved(answer);
      setForm(weekForm(answer.periods));
      setStatus(`Horário de ${answer.professional_name} salvo.`);
    } catch (caught) {
      setErrors(workingHoursErrors(caught));
    } finally {
      setSaving(false);
    }
  }

  const name = saved.professional_name;
  const outside = bookingsOutsideText(saved);
  return (
    <form className="week-editor" onSubmit={save} aria-label={`Horário de ${name}`}>
      <ul className="week-summary" data-testid="week-summary">
        {weekSummary(saved.periods).map((day) => (
          <li key={day.weekday}>
            <strong>{day.name}</strong>: {day.hours}
          </li>
        ))}
      </ul>
      <fieldset disabled={!isOwner || saving}>
        <legend>Editar o horário de {name}</legend>
        {WEEKDAY_NAMES.map((dayName, weekday) => {
          const day = form.filter((p) => p.weekday === weekday);
          return (
            <div key={weekday} className="week-day" data-weekday={weekday}>
              <strong className="day-name">{dayName}</strong>
              <div className="day-periods">
                {day.length === 0 && <span className="day-off">Folga</span>}
                {day.map((period, i) => {
                  const which = day.length > 1 ? `${dayName}, período ${i + 1}` : dayName;
                  return (
                    <PeriodInputs
                      key={i}
                      which={which}
                      className="work-period"
                      labels={["início", "fim"]}
                      from={period.start}
                      to={period.end}
                      onChange={(start, end) => replace(period, { ...period, start, end })}
                      onRemove={() => replace(period, null)}
                    />
                  );
                })}
              </div>
              <div className="day-actions">
                {day.length < MAX_WORKING_PERIODS_PER_DAY && (
                  <button
                    type="button"
                    className="link"
                    aria-label={`Adicionar período ${weekday >= 5 ? "no" : "na"} ${dayName}`}
                    onClick={() => change(addPeriod(form, weekday))}
                  >
                    + período
                  </button>
                )}
                {day.length > 0 && (
                  <button
                    type="button"
                    className="link"
                    aria-label={`Folga ${weekday >= 5 ? "no" : "na"} ${dayName}`}
                    onClick={() => change(form.filter((p) => p.weekday !== weekday))}
                  >
                    folga
                  </button>
                )}
              </div>
            </div>
          );
        })}
        <p>
          <button type="submit" disabled={!dirty}>
            Salvar horário
          </button>
        </p>
      </fieldset>
      {!isOwner && <p className="hint">Só o dono do salão altera os horários.</p>}
      {status && (
        <p className="notice" role="status">
          {status}
        </p>
      )}
      {errors.length > 0 && (
        <div className="error" role="alert" data-testid="working-hours-errors">
          Não foi possível salvar o horário:
          <ul>
            {errors.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      {outside && (
        <div className="bookings-outside" data-testid="bookings-outside">
          <p>{outside}</p>
          <ul>
            {saved.bookings_outside.map((b) => (
              <li key={b.appointment_id}>
                {b.date.split("-").reverse().join("/")} às {b.time} — {b.client_name || "cliente"}
              </li>
            ))}
          </ul>
        </div>
      )}
    </form>
  );
}

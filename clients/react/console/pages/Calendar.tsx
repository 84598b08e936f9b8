// Agenda: seven days of appointments per professional (from today), live as approvals and changes
// arrive; the salon marks visits (concluído, faltou) and cancels bookings from here.
import { useEffect, useMemo, useState } from "react";
import {
  addDays,
  formatDate,
  formatTime,
  formatWeekday,
  localDay,
  useAgent,
  type CalendarAppointment,
  type MarkAppointmentBody,
  type Professional,
  type Service,
  type Session,
} from "../../src";
import { FailureNote, failureOf, type Failure } from "../Failure";

type Status = CalendarAppointment["status"];

interface Entry {
  id: string;
  professional_id: string;
  date: string;
  time: string;
  starts_at: string;
  status: Status;
  client_name: string;
  service_id: string;
  service_name: string;
  client_confirmed_at?: string | null;
}

const STATUS_LABEL: Partial<Record<Status, string>> = { completed: "Concluído", no_show: "Faltou" };
/** How often the page looks at the clock: a visit that starts meanwhile can be marked soon after. */
const CLOCK_MS = 30_000;

/** The time now, read again every `everyMs` (render stays pure: the clock is state). */
function useNow(everyMs: number): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

const LOAD_FAILED = "Não foi possível carregar a agenda.";

export function Calendar({ session }: { session: Session }) {
  const { api, state, refreshes } = useAgent();
  const zone = session.time_zone;
  const [first, setFirst] = useState(() => localDay(new Date(), zone));
  const [loaded, setLoaded] = useState<CalendarAppointment[]>([]);
  const [professionals, setProfessionals] = useState<Professional[]>([]);
  const [services, setServices] = useState<Service[]>([]);
  const [error, setError] = useState<Failure | null>(null);
  const now = useNow(CLOCK_MS);
  const days = useMemo(() => Array.from({ length: 7 }, (_, i) => addDays(first, i)), [first]);
  const last = days[6] ?? first;

  // The salon's team and services change rarely: loaded once (and after a resync), not per week.
  useEffect(() => {
    let live = true;
    Promise.all([api.professionals(), api.services()])
      .then(([pros, svcs]) => {
        if (!live) return;
        setProfessionals(pros.filter((p) => p.active));
        setServices(svcs);
      })
      .catch((caught: unknown) => live && setError(failureOf(caught, LOAD_FAILED)));
    return () => {
      live = false;
    };
  }, [api, refreshes]);

  useEffect(() => {
    let live = true;
    api
      .appointments({ from: first, to: last })
      .then((list) => {
        if (!live) return;
        setLoaded(list.data);
        setError(null);
      })
      .catch((caught: unknown) => live && setError(failureOf(caught, LOAD_FAILED)));
    return () => {
      live = false;
    };
  }, [api, first, last, refreshes]);

  const entries = useMemo(() => {
    const serviceName = new Map(services.map((s) => [s.id, s.name]));
    const byId = new Map<string, Entry>();
    for (const a of loaded) {
      byId.set(a.id, { ...a, service_name: serviceName.get(a.service_id) ?? "" });
    }
    // Approvals since the page loaded arrive as events, and so do marks and moves.
    for (const a of state.appointments) {
      byId.set(a.appointment_id, { id: a.appointment_id, status: "booked", ...a });
    }
    for (const change of Object.values(state.appointmentChanges)) {
      byId.set(change.appointment_id, { id: change.appointment_id, ...change });
    }
    return [...byId.values()]
      .filter((e) => e.status !== "cancelled" && e.date >= first && e.date <= last)
      .sort((a, b) => (a.time < b.time ? -1 : 1));
  }, [loaded, state.appointments, state.appointmentChanges, services, first, last]);

  async function mark(id: string, body: MarkAppointmentBody) {
    try {
      const changed = await api.markAppointment(id, body);
      // The answer is the new state; the socket's appointment_updated confirms it.
      setLoaded((list) => list.map((a) => (a.id === id ? changed : a)));
      setError(null);
    } catch (failure) {
      setError(failureOf(failure, "Não foi possível atualizar o horário."));
    }
  }

  return (
    <section className="calendar">
      <div className="toolbar">
        <button type="button" onClick={() => setFirst(addDays(first, -7))}>
          ← 7 dias antes
        </button>
        <h2>
          De {formatDate(first)} a {formatDate(last)}
        </h2>
        <button type="button" onClick={() => setFirst(addDays(first, 7))}>
          7 dias depois →
        </button>
      </div>
      <FailureNote failure={error} />
      <table className="week stack" data-testid="calendar">
        <thead>
          <tr>
            <th>Profissional</th>
            {days.map((day) => (
              <th key={day}>
                {formatWeekday(day)} {formatDate(day).slice(0, 5)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {professionals.map((p) => (
            <tr key={p.id}>
              <th scope="row">{p.name}</th>
              {days.map((day) => (
                <td key={day} data-label={`${formatWeekday(day)} ${formatDate(day).slice(0, 5)}`}>
                  {entries
                    .filter((e) => e.professional_id === p.id && e.date === day)
                    .map((e) => (
                      <AppointmentEntry
                        key={e.id}
                        entry={e}
                        zone={zone}
                        started={Date.parse(e.starts_at) <= now}
                        onMark={(body) => mark(e.id, body)}
                      />
                    ))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

interface EntryProps {
  entry: Entry;
  zone: string;
  /** The visit has begun: it may be marked completed or no-show. */
  started: boolean;
  onMark: (body: MarkAppointmentBody) => Promise<void>;
}

function AppointmentEntry({ entry, zone, started, onMark }: EntryProps) {
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const label = STATUS_LABEL[entry.status];

  async function run(body: MarkAppointmentBody) {
    setBusy(true);
    try {
      await onMark(body);
    } finally {
      setBusy(false);
      setCancelling(false);
    }
  }

  return (
    <div className="appointment" data-testid="appointment" data-status={entry.status}>
      <span className="time">{formatTime(entry.time, zone)}</span> {entry.service_name}
      <br />
      <span className="client">{entry.client_name}</span>
      {label && <span className="mark"> · {label}</span>}
      {entry.status === "booked" && entry.client_confirmed_at && (
        <span className="confirmed" data-testid="client-confirmed">
          {" "}
          · Cliente confirmou
        </span>
      )}
      {entry.status === "booked" && !cancelling && (
        <div className="actions">
          {started && (
            <>
              <button type="button" disabled={busy} onClick={() => run({ status: "completed" })}>
                Concluído
              </button>
              <button type="button" disabled={busy} onClick={() => run({ status: "no_show" })}>
                Faltou
              </button>
            </>
          )}
          <button type="button" disabled={busy} onClick={() => setCancelling(true)}>
            Cancelar
          </button>
        </div>
      )}
      {cancelling && (
        <form
          className="cancel"
          onSubmit={(event) => {
            event.preventDefault();
            void run({ status: "cancelled", reason: reason.trim() || null });
          }}
        >
          <label>
            Motivo (fica com o salão)
            <input value={reason} maxLength={500} onChange={(event) => setReason(event.target.value)} />
          </label>
          <button type="submit" disabled={busy}>
            Confirmar cancelamento
          </button>
          <button type="button" disabled={busy} onClick={() => setCancelling(false)}>
            Voltar
          </button>
        </form>
      )}
    </div>
  );
}

// Agenda: seven days of appointments per professional (from today), live as approvals arrive.
import { useEffect, useMemo, useState } from "react";
import {
  addDays,
  formatDate,
  formatTime,
  formatWeekday,
  localDay,
  useAgent,
  type CalendarAppointment,
  type Professional,
  type Service,
  type Session,
} from "../../src";

interface Entry {
  id: string;
  professional_id: string;
  date: string;
  time: string;
  client_name: string;
  service_id: string;
  service_name: string;
}

export function Calendar({ session }: { session: Session }) {
  const { api, state, refreshes } = useAgent();
  const zone = session.time_zone;
  const [first, setFirst] = useState(() => localDay(new Date(), zone));
  const [loaded, setLoaded] = useState<CalendarAppointment[]>([]);
  const [professionals, setProfessionals] = useState<Professional[]>([]);
  const [services, setServices] = useState<Service[]>([]);
  const [error, setError] = useState<string | null>(null);
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
      .catch(() => live && setError("Não foi possível carregar a agenda."));
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
        setLoaded(list.data.filter((a) => a.status !== "cancelled"));
        setError(null);
      })
      .catch(() => live && setError("Não foi possível carregar a agenda."));
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
    // Approvals since the page loaded arrive as events.
    for (const a of state.appointments) {
      if (a.date < first || a.date > last) continue;
      byId.set(a.appointment_id, { id: a.appointment_id, ...a });
    }
    return [...byId.values()].sort((a, b) => (a.time < b.time ? -1 : 1));
  }, [loaded, state.appointments, services, first, last]);

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
      {error && <p className="error">{error}</p>}
      <table className="week" data-testid="calendar">
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
                <td key={day}>
                  {entries
                    .filter((e) => e.professional_id === p.id && e.date === day)
                    .map((e) => (
                      <div key={e.id} className="appointment" data-testid="appointment">
                        <span className="time">{formatTime(e.time, zone)}</span> {e.service_name}
                        <br />
                        <span className="client">{e.client_name}</span>
                      </div>
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

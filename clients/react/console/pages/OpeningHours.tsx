// The salon's opening hours on the profile: the professionals' hours the chat tells now, or the
// owner's own per weekday (any day without a period is closed).
import { WEEKDAY_NAMES, openingHoursByDay, type OpeningPeriod } from "../../src";
import { PeriodInputs } from "../PeriodInputs";
import { MAX_PERIODS_PER_DAY, type PeriodForm } from "../profileForm";

/** The hours the chat tells now, derived from the professionals' working hours. */
export function HoursInUse({ hours, derived }: { hours: OpeningPeriod[]; derived: boolean }) {
  return (
    <div className="hours-in-use" data-testid="hours-in-use">
      {!derived ? (
        <p className="hint">Salve o perfil para a IA passar a informar o horário dos profissionais.</p>
      ) : hours.length === 0 ? (
        <p className="hint">
          Nenhum profissional tem horário de trabalho: a IA diz ao cliente que vai confirmar o horário com o
          salão.
        </p>
      ) : (
        <>
          <p className="hint">
            A IA informa aos clientes (de quando o primeiro profissional começa ao fim do último):
          </p>
          <ul>
            {openingHoursByDay(hours).map((day) => (
              <li key={day.weekday}>
                <strong>{day.name}</strong>: {day.hours}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** `HH:MM` some hours later, at most 23:59 (a new period after the day's last one). */
function later(time: string, hours: number): string {
  const [h = 0, m = 0] = time.split(":").map(Number);
  const minutes = Math.min(h * 60 + m + hours * 60, 23 * 60 + 59);
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** One row per weekday with its periods (none: closed that day). */
export function HoursEditor({
  hours,
  onChange,
}: {
  hours: PeriodForm[];
  onChange: (hours: PeriodForm[]) => void;
}) {
  const replace = (target: PeriodForm, next: PeriodForm | null) =>
    onChange(next === null ? hours.filter((p) => p !== target) : hours.map((p) => (p === target ? next : p)));
  return (
    <div className="hours-editor" data-testid="hours-editor">
      {hours.length === 0 && (
        <p className="hint">
          Sem nenhum período, a IA diz ao cliente que vai confirmar o horário com o salão.
        </p>
      )}
      <table>
        <tbody>
          {WEEKDAY_NAMES.map((name, weekday) => {
            const day = hours.filter((p) => p.weekday === weekday);
            const last = day.at(-1);
            return (
              <tr key={weekday} data-weekday={weekday}>
                <th scope="row">{name}</th>
                <td>
                  {day.length === 0 && <span className="closed">Fechado</span>}
                  {day.map((period, i) => {
                    const which = day.length > 1 ? `${name}, período ${i + 1}` : name;
                    return (
                      <PeriodInputs
                        key={i}
                        which={which}
                        className="period"
                        labels={["abre", "fecha"]}
                        from={period.opens}
                        to={period.closes}
                        onChange={(opens, closes) => replace(period, { ...period, opens, closes })}
                        onRemove={() => replace(period, null)}
                      />
                    );
                  })}
                  {day.length < MAX_PERIODS_PER_DAY && (
                    <button
                      type="button"
                      className="link"
                      aria-label={`Adicionar período ${weekday >= 5 ? "no" : "na"} ${name}`}
                      onClick={() =>
                        onChange([
                          ...hours,
                          last
                            ? { weekday, opens: last.closes, closes: later(last.closes, 4) }
                            : { weekday, opens: "09:00", closes: "18:00" },
                        ])
                      }
                    >
                      + período
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

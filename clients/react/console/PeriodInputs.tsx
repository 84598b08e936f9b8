// One period of a day as the owner edits it — two time inputs and "remover" — on the salon's
// opening hours and on a professional's working hours.
export function PeriodInputs({
  which,
  className,
  labels,
  from,
  to,
  onChange,
  onRemove,
}: {
  /** The day (and the period's number when the day has more than one), for the labels. */
  which: string;
  className: string;
  /** What the two inputs are called after `which`: ["abre", "fecha"], ["início", "fim"]. */
  labels: readonly [string, string];
  from: string;
  to: string;
  onChange: (from: string, to: string) => void;
  onRemove: () => void;
}) {
  return (
    <span className={className}>
      <input
        type="time"
        aria-label={`${which}: ${labels[0]}`}
        value={from}
        onChange={(e) => onChange(e.target.value, to)}
      />{" "}
      <span aria-hidden="true">às</span>{" "}
      <input
        type="time"
        aria-label={`${which}: ${labels[1]}`}
        value={to}
        onChange={(e) => onChange(from, e.target.value)}
      />{" "}
      <button type="button" className="link" aria-label={`Remover ${which}`} onClick={onRemove}>
        remover
      </button>
    </span>
  );
}

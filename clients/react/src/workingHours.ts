// A professional's week as the Horários page edits it: periods per weekday as "HH:MM" strings,
// the PUT body they become, the same checks the back end makes (said in Portuguese before
// sending), the back end's refusals in the owner's words, and the bookings left outside.
import { ApiError, validationProblems } from "./apiError.js";
import { WEEKDAY_NAMES } from "./format.js";
import type { Socket, WorkingHours, WorkingHoursBody, WorkingPeriod } from "./types.js";

/** At most this many periods a day (the back end refuses more). */
export const MAX_WORKING_PERIODS_PER_DAY = 4;
const HHMM = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

/** One period as the form holds it (`start`/`end` as a time input gives them). */
export interface PeriodDraft {
  weekday: number;
  start: string;
  end: string;
}

function byDayAndStart(a: PeriodDraft, b: PeriodDraft): number {
  return a.weekday - b.weekday || (a.start < b.start ? -1 : a.start > b.start ? 1 : 0);
}

/** "09:00:00" or "09:00" → "09:00" (a time input may add seconds). */
function hhmm(value: string): string {
  return /^\d\d:\d\d:00$/.test(value) ? value.slice(0, 5) : value;
}

/** The form for a stored week, in weekday and time order. */
export function weekForm(periods: readonly WorkingPeriod[]): PeriodDraft[] {
  return periods
    .map((p) => ({ weekday: p.weekday, start: hhmm(p.start), end: hhmm(p.end) }))
    .sort(byDayAndStart);
}

/** The whole week to PUT (every period, in order; a weekday without one is a day off). */
export function weekBody(drafts: readonly PeriodDraft[]): WorkingHoursBody {
  return { periods: weekForm(drafts) };
}

/** Whether the form says something else than the stored week. */
export function weekChanged(saved: readonly WorkingPeriod[], drafts: readonly PeriodDraft[]): boolean {
  return JSON.stringify(weekForm(saved)) !== JSON.stringify(weekForm(drafts));
}

function minutes(time: string): number {
  const [h = 0, m = 0] = time.split(":").map(Number);
  return h * 60 + m;
}

function clock(total: number): string {
  const bounded = Math.max(0, Math.min(total, 23 * 60 + 59));
  return `${String(Math.floor(bounded / 60)).padStart(2, "0")}:${String(bounded % 60).padStart(2, "0")}`;
}

/** The week with one more period on `weekday`: 09:00–18:00 on a day off, else an hour after the
 * day's last period ends, for up to four hours (unchanged when the day is full or ends at 23:59). */
export function addPeriod(drafts: readonly PeriodDraft[], weekday: number): PeriodDraft[] {
  const day = drafts.filter((p) => p.weekday === weekday).sort(byDayAndStart);
  if (day.length >= MAX_WORKING_PERIODS_PER_DAY) return [...drafts];
  const last = day.at(-1);
  if (!last) return [...drafts, { weekday, start: "09:00", end: "18:00" }];
  const start = minutes(last.end) + 60;
  if (!HHMM.test(last.end) || start > 23 * 60 + 58) return [...drafts];
  return [...drafts, { weekday, start: clock(start), end: clock(start + 4 * 60) }];
}

function dayName(weekday: number): string {
  const name = WEEKDAY_NAMES[weekday] ?? `dia ${weekday}`;
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/**
 * What is wrong with the week, in Portuguese, one line per problem (empty: it can be saved): the
 * back end's rules, checked before sending so the owner sees them at once.
 */
export function weekProblems(drafts: readonly PeriodDraft[]): string[] {
  const problems: string[] = [];
  for (let weekday = 0; weekday < 7; weekday++) {
    const day = drafts.filter((p) => p.weekday === weekday);
    const name = dayName(weekday);
    const wellFormed: PeriodDraft[] = [];
    for (const p of day) {
      if (!HHMM.test(p.start) || !HHMM.test(p.end)) {
        problems.push(`${name}: preencha início e fim de cada período (HH:MM).`);
      } else if (p.end <= p.start) {
        problems.push(`${name}: o período ${p.start}–${p.end} precisa terminar depois de começar.`);
      } else {
        wellFormed.push(p);
      }
    }
    if (day.length > MAX_WORKING_PERIODS_PER_DAY) {
      problems.push(`${name}: no máximo ${MAX_WORKING_PERIODS_PER_DAY} períodos por dia.`);
    }
    const sorted = wellFormed.sort(byDayAndStart);
    for (let i = 1; i < sorted.length; i++) {
      const before = sorted[i - 1]!;
      const after = sorted[i]!;
      if (after.start <= before.end) {
        problems.push(
          `${name}: os períodos ${before.start}–${before.end} e ${after.start}–${after.end} se sobrepõem ou se encostam (junte-os em um só).`,
        );
      }
    }
  }
  return [...new Set(problems)];
}

/** The back end's rules (domain/working_hours.py) in the owner's words. */
const RULES: [RegExp, (match: RegExpExecArray) => string][] = [
  [
    /weekday (\d): (\S+) and (\S+) overlap or touch/,
    (m) =>
      `${dayName(Number(m[1]))}: os períodos ${m[2]} e ${m[3]} se sobrepõem ou se encostam (junte-os em um só).`,
  ],
  [
    /weekday (\d): \d+ periods, at most (\d+)/,
    (m) => `${dayName(Number(m[1]))}: no máximo ${m[2]} períodos por dia.`,
  ],
  [/must end after it starts \((\S+)\)/, (m) => `O período ${m[1]} precisa terminar depois de começar.`],
  [/HH:MM/, () => "Use horários no formato HH:MM (por exemplo 09:30)."],
  [/at most (\d+) items/, (m) => `No máximo ${m[1]} períodos na semana.`],
];

/** What to tell the owner when saving the week failed: one line per problem. */
export function workingHoursErrors(error: unknown): string[] {
  const problems = validationProblems(error);
  if (problems.length > 0) {
    return problems.flatMap((problem) =>
      problem.message.split("; ").map((part) => {
        for (const [pattern, words] of RULES) {
          const match = pattern.exec(part);
          if (match) return words(match);
        }
        return part;
      }),
    );
  }
  if (error instanceof ApiError && error.status === 403) return ["Só o dono do salão altera os horários."];
  if (error instanceof ApiError && error.status === 404) {
    return ["Profissional não encontrado neste salão. Atualize a página."];
  }
  if (error instanceof ApiError && error.status === 503)
    return ["A agenda está ocupada. Tente de novo em instantes."];
  return ["Não foi possível salvar agora. Tente de novo em instantes."];
}

/** "Terça: 09:00–12:00 e 13:00–19:00" per weekday, "folga" on a day without a period. */
export function weekSummary(
  periods: readonly WorkingPeriod[],
): { weekday: number; name: string; hours: string }[] {
  const form = weekForm(periods);
  return WEEKDAY_NAMES.map((_, weekday) => {
    const day = form.filter((p) => p.weekday === weekday).map((p) => `${p.start}–${p.end}`);
    return { weekday, name: dayName(weekday), hours: day.length ? day.join(" e ") : "folga" };
  });
}

/** "2 agendamentos futuros ficam fora deste horário" (null when none): they were kept. */
export function bookingsOutsideText(view: Pick<WorkingHours, "bookings_outside_count">): string | null {
  const n = view.bookings_outside_count;
  if (n === 0) return null;
  return n === 1
    ? "1 agendamento futuro fica fora deste horário. Ele foi mantido: remarque ou cancele na Agenda se preciso."
    : `${n} agendamentos futuros ficam fora deste horário. Eles foram mantidos: remarque ou cancele na Agenda se preciso.`;
}

/** The notification a `working_hours_updated` event makes. */
export function workingHoursUpdatedText(data: Socket.WorkingHoursUpdatedData): string {
  const n = data.bookings_outside_count;
  const outside =
    n === 0 ? "" : n === 1 ? " (1 agendamento fora do horário)" : ` (${n} agendamentos fora do horário)`;
  return `Horário de ${data.professional_name} atualizado${outside}`;
}

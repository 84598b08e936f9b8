// Brazilian formats for what the owner reads: dd/mm/aaaa, 14:00, R$ 45,00, in the salon's zone.
import type { Agent, AppointmentData } from "./types";

export const DEFAULT_TIME_ZONE = "America/Sao_Paulo";

const money = new Intl.NumberFormat("pt-BR", { style: "currency", currency: "BRL" });

/** `R$ 45,00` (a plain space, not Intl's no-break space, so text search finds it). */
export function formatMoney(cents: number): string {
  return money.format(cents / 100).replace(/\u00a0/g, " ");
}

function parts(iso: string, timeZone: string, options: Intl.DateTimeFormatOptions) {
  return new Intl.DateTimeFormat("pt-BR", { timeZone, ...options }).format(new Date(iso));
}

/** `29/11/2026`; a bare `YYYY-MM-DD` is a calendar day and is not shifted by time zones. */
export function formatDate(value: string, timeZone: string = DEFAULT_TIME_ZONE): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (day) return `${day[3]}/${day[2]}/${day[1]}`;
  return parts(value, timeZone, { day: "2-digit", month: "2-digit", year: "numeric" });
}

/** `14:00`; a bare `HH:MM[:SS]` is kept as the salon's local time. */
export function formatTime(value: string, timeZone: string = DEFAULT_TIME_ZONE): string {
  const clock = /^(\d{2}):(\d{2})(:\d{2})?$/.exec(value);
  if (clock) return `${clock[1]}:${clock[2]}`;
  return parts(value, timeZone, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
}

export function formatDateTime(iso: string, timeZone: string = DEFAULT_TIME_ZONE): string {
  return `${formatDate(iso, timeZone)} ${formatTime(iso, timeZone)}`;
}

/** `seg`, `ter` … for a calendar day `YYYY-MM-DD`. */
export function formatWeekday(day: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  return new Intl.DateTimeFormat("pt-BR", { weekday: "short", timeZone: "UTC" })
    .format(date)
    .replace(".", "");
}

const AGENTS: Record<Agent, string> = {
  prazo_certo: "Prazo Certo",
  encher_agenda: "Encher Agenda",
  chat: "Chat (IA)",
  manual: "Manual",
};

export function agentLabel(agent: Agent): string {
  return AGENTS[agent] ?? agent;
}

export function offerLabel(data: Pick<AppointmentData, "offer">): string | null {
  const offer = data.offer;
  if (!offer) return null;
  return offer.type === "percent" ? `${offer.value}% de desconto` : `${formatMoney(offer.value)} de desconto`;
}

/** The salon's local calendar day `YYYY-MM-DD` of an instant. */
export function localDay(iso: string | Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  const date = typeof iso === "string" ? new Date(iso) : iso;
  const [d, m, y] = new Intl.DateTimeFormat("pt-BR", {
    timeZone,
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
  })
    .format(date)
    .split("/");
  return `${y}-${m}-${d}`;
}

/** Adds days to a calendar day `YYYY-MM-DD`. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The Monday on or before a calendar day. */
export function weekStart(day: string): string {
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, weekday === 0 ? -6 : 1 - weekday);
}

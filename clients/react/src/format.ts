// Brazilian formats for what the owner reads: dd/mm/aaaa, 14:00, R$ 45,00, in the salon's zone;
// the words for media, client notices and the salon's profile.
import type {
  Agent,
  AppointmentData,
  ChatLocation,
  ClientNotice,
  OpeningPeriod,
  PaymentMethod,
  SalonTopic,
} from "./types.js";

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

/** Weekday names as the profile numbers them: 0 = segunda … 6 = domingo. */
export const WEEKDAY_NAMES = ["segunda", "terça", "quarta", "quinta", "sexta", "sábado", "domingo"] as const;

export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = {
  pix: "Pix",
  credit_card: "Cartão de crédito",
  debit_card: "Cartão de débito",
  cash: "Dinheiro",
  meal_voucher: "Vale-benefício",
};

/** What a client asked about, as in "perguntou sobre o estacionamento". */
export const SALON_TOPIC_LABELS: Record<SalonTopic, string> = {
  address: "o endereço",
  hours: "o horário de funcionamento",
  payment: "as formas de pagamento",
  parking: "o estacionamento",
  cancellation: "a política de cancelamento",
  about: "o salão",
};

/** Each weekday's opening periods, `"09:00–12:00 e 14:00–18:00"`, or `"fechado"`. */
export function openingHoursByDay(
  periods: OpeningPeriod[],
): { weekday: number; name: string; hours: string }[] {
  return WEEKDAY_NAMES.map((name, weekday) => {
    const day = periods
      .filter((p) => p.weekday === weekday)
      .sort((a, b) => (a.opens < b.opens ? -1 : 1))
      .map((p) => `${formatTime(p.opens)}–${formatTime(p.closes)}`);
    return { weekday, name, hours: day.length ? day.join(" e ") : "fechado" };
  });
}

const MEDIA_LABELS: Record<string, string> = {
  audio: "🎤 Áudio",
  image: "📷 Imagem",
  video: "🎬 Vídeo",
  document: "📄 Documento",
  location: "📍 Localização",
  contacts: "👤 Contato",
  sticker: "🙂 Figurinha",
  reaction: "👍 Reação",
};

/** `🎤 Áudio`, `📷 Imagem` … for a message's WhatsApp type; "" for text; other types by name. */
export function mediaLabel(kind: string | null | undefined): string {
  if (!kind || kind === "text") return "";
  return MEDIA_LABELS[kind] ?? `📎 Mensagem do tipo “${kind}”`;
}

/** A Google Maps link to a location a client sent. */
export function mapsLink(location: Pick<ChatLocation, "latitude" | "longitude">): string {
  return `https://www.google.com/maps/search/?api=1&query=${location.latitude},${location.longitude}`;
}

const MEDIA_NOUNS: Record<string, string> = {
  audio: "um áudio",
  image: "uma imagem",
  video: "um vídeo",
  document: "um documento",
  location: "uma localização",
  contacts: "um contato",
  sticker: "uma figurinha",
};
const QUOTE_CHARS = 120;

function joined(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} e ${words.at(-1)}`;
}

function quoted(text: string): string {
  const words = text.trim().replace(/\s+/g, " ");
  return words.length > QUOTE_CHARS ? `“${words.slice(0, QUOTE_CHARS - 1)}…”` : `“${words}”`;
}

/**
 * ` (Corte feminino às 15:00)` — the salon's local time the back end sends, else `starts_at` in
 * `timeZone` — with the day when the booking is not on the day of the notice.
 */
function bookingWhen(notice: ClientNotice, at: string | undefined, timeZone: string): string {
  if (!notice.starts_at) return "";
  const time = notice.time ?? formatTime(notice.starts_at, timeZone);
  const day = notice.date ?? localDay(notice.starts_at, timeZone);
  const what = notice.service_name ?? "horário";
  if (at === undefined || localDay(at, timeZone) === day) return ` (${what} às ${time})`;
  return ` (${what} de ${formatDate(day).slice(0, 5)} às ${time})`;
}

/**
 * A client notice in the owner's words: "Ana Lima vai se atrasar 10 min (horário das 15:00)",
 * "Ana Lima chegou", "Ana Lima perguntou sobre o estacionamento: o perfil do salão não diz —
 * responda pelo chat", "Ana Lima mandou um áudio: “…”" (`at`: when it happened, for the day).
 */
export function clientNoticeText(
  notice: ClientNotice,
  at?: string,
  timeZone: string = DEFAULT_TIME_ZONE,
): string {
  const name = notice.client_name;
  const when = bookingWhen(notice, at, timeZone);
  const words = notice.message.trim();
  switch (notice.kind) {
    case "late":
      return notice.minutes
        ? `${name} vai se atrasar ${notice.minutes} min${when}`
        : `${name} vai se atrasar${when}`;
    case "on_the_way":
      return `${name} está a caminho${when}`;
    case "arrived":
      return `${name} chegou${when}`;
    case "missing_fact": {
      if (notice.topics.length === 0) {
        return `${name} fez uma pergunta que o perfil do salão não responde — responda pelo chat`;
      }
      const topics = joined(notice.topics.map((t) => SALON_TOPIC_LABELS[t] ?? t));
      return `${name} perguntou sobre ${topics}: o perfil do salão não diz — responda pelo chat`;
    }
    case "media": {
      const kind = notice.media_kind ?? "";
      const noun = MEDIA_NOUNS[kind] ?? (kind ? `uma mensagem do tipo “${kind}”` : "uma mídia");
      return words ? `${name} mandou ${noun}: ${quoted(words)}` : `${name} mandou ${noun}`;
    }
    default:
      // A kind newer than this kit: still worth showing.
      return words ? `Aviso de ${name}: ${quoted(words)}` : `Aviso de ${name}`;
  }
}

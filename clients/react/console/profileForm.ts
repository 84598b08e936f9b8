// The salon profile as the Ajustes page edits it (strings, as inputs hold them), the PUT body it
// becomes (blank: unknown, never ""), and the back end's refusals in the owner's words.
import {
  ApiError,
  PAYMENT_METHOD_LABELS,
  WEEKDAY_NAMES,
  validationProblems,
  type FieldProblem,
  type PaymentMethod,
  type SalonProfile,
  type SalonProfileBody,
} from "../src";

export interface PeriodForm {
  weekday: number;
  opens: string; // HH:MM
  closes: string;
}

export interface ProfileForm {
  address: string;
  maps_url: string;
  payment_methods: PaymentMethod[];
  payment_notes: string;
  parking: string;
  cancellation_policy: string;
  /** "" : the policy applies however early the client cancels. */
  cancellation_window_h: string;
  about: string;
  /** false: the chat tells the professionals' working hours. */
  own_hours: boolean;
  hours: PeriodForm[];
}

/** At most this many periods a day (the back end takes 21 a week). */
export const MAX_PERIODS_PER_DAY = 3;
export const PAYMENT_METHODS = Object.keys(PAYMENT_METHOD_LABELS) as PaymentMethod[];

function hhmm(value: string): string {
  return value.slice(0, 5);
}

function byDayAndTime(a: PeriodForm, b: PeriodForm): number {
  return a.weekday - b.weekday || (a.opens < b.opens ? -1 : a.opens > b.opens ? 1 : 0);
}

/** The form for a stored profile; its own hours, else the ones in use to start from. */
export function profileForm(profile: SalonProfile): ProfileForm {
  const hours = profile.opening_hours ?? profile.opening_hours_in_use;
  return {
    address: profile.address ?? "",
    maps_url: profile.maps_url ?? "",
    payment_methods: PAYMENT_METHODS.filter((m) => profile.payment_methods?.includes(m)),
    payment_notes: profile.payment_notes ?? "",
    parking: profile.parking ?? "",
    cancellation_policy: profile.cancellation_policy ?? "",
    cancellation_window_h: profile.cancellation_window_h == null ? "" : String(profile.cancellation_window_h),
    about: profile.about ?? "",
    own_hours: profile.opening_hours != null,
    hours: hours
      .map((p) => ({ weekday: p.weekday, opens: hhmm(p.opens), closes: hhmm(p.closes) }))
      .sort(byDayAndTime),
  };
}

function fact(value: string): string | null {
  const text = value.trim();
  return text ? text : null;
}

/** The whole profile to PUT: blanks are null (unknown to the chat), hours in day order. */
export function profileBody(form: ProfileForm): SalonProfileBody {
  const window = form.cancellation_window_h.trim();
  return {
    address: fact(form.address),
    maps_url: fact(form.maps_url),
    opening_hours: form.own_hours ? [...form.hours].sort(byDayAndTime) : null,
    payment_methods: PAYMENT_METHODS.filter((m) => form.payment_methods.includes(m)),
    payment_notes: fact(form.payment_notes),
    parking: fact(form.parking),
    cancellation_policy: fact(form.cancellation_policy),
    cancellation_window_h: window === "" ? null : Number(window),
    about: fact(form.about),
  };
}

/** Whether the form says something else than the stored profile. */
export function profileChanged(saved: SalonProfile, form: ProfileForm): boolean {
  return JSON.stringify(profileBody(profileForm(saved))) !== JSON.stringify(profileBody(form));
}

const FIELD_LABELS: Record<string, string> = {
  address: "Endereço",
  maps_url: "Link do mapa",
  opening_hours: "Horário de funcionamento",
  payment_methods: "Formas de pagamento",
  payment_notes: "Observações sobre pagamento",
  parking: "Estacionamento",
  cancellation_policy: "Política de cancelamento",
  cancellation_window_h: "Prazo da política de cancelamento",
  about: "Sobre o salão",
};

/** The rules the back end states in English, said in Portuguese (else its words as they are). */
const RULES: [RegExp, string][] = [
  [/cancellation_window_h needs/, "o prazo só vale com uma política de cancelamento escrita"],
  [/must close after it opens/, "o horário de fechar precisa ser depois do de abrir"],
  [/lists a method twice/, "uma forma de pagamento aparece duas vezes"],
];

function number(message: string): string {
  return /(\d+)/.exec(message)?.[1] ?? "";
}

function problemWords(problem: FieldProblem): string {
  const rule = RULES.find(([pattern]) => pattern.test(problem.message));
  if (rule) return rule[1];
  switch (problem.type) {
    case "string_pattern_mismatch":
      return problem.field[0] === "maps_url"
        ? "use um link que comece com https:// (sem espaços)"
        : `formato inválido (${problem.message})`;
    case "string_too_long":
      return `texto longo demais (no máximo ${number(problem.message)} caracteres)`;
    case "string_too_short":
      return "não pode ficar vazio";
    case "greater_than_equal":
      return `o mínimo é ${number(problem.message)}`;
    case "less_than_equal":
      return `o máximo é ${number(problem.message)}`;
    case "int_parsing":
    case "int_from_float":
      return "use um número inteiro";
    case "too_long":
      return "itens demais";
    default:
      return `valor não aceito (${problem.message})`;
  }
}

function fieldLabel(field: FieldProblem["field"], sent: SalonProfileBody): string | null {
  const [name, index] = field;
  if (name === "opening_hours" && typeof index === "number") {
    const period = sent.opening_hours?.[index];
    return period ? `Horário de ${WEEKDAY_NAMES[period.weekday]}` : "Horário de funcionamento";
  }
  return typeof name === "string" ? (FIELD_LABELS[name] ?? name) : null;
}

/** What to tell the owner when saving `sent` failed: one line per problem. */
export function profileErrors(error: unknown, sent: SalonProfileBody): string[] {
  const problems = validationProblems(error);
  if (problems.length > 0) {
    return problems.map((problem) => {
      const label = fieldLabel(problem.field, sent);
      const words = problemWords(problem);
      return label ? `${label}: ${words}` : words;
    });
  }
  if (error instanceof ApiError && error.status === 403) return ["Só o dono do salão altera o perfil."];
  if (
    error instanceof ApiError &&
    typeof error.detail === "string" &&
    error.status >= 400 &&
    error.status < 500
  ) {
    return [error.detail];
  }
  return ["Tente de novo em instantes."];
}

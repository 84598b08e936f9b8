// Failures in the owner's words: the back end's error codes, WhatsApp's (Meta's) refusals, why a
// message or a campaign left a client out, each as a Brazilian Portuguese sentence. The code stays
// available (`failureCode`) for a tooltip, so support can still tell the cases apart.
import { ApiError } from "./apiError.js";

/** Every `code` of a `{code, detail}` body the back end answers, and the kit's own `network_error`. */
export const API_ERROR_TEXTS = {
  // domain/errors.py
  domain_error: "O pedido não pôde ser concluído.",
  not_found: "Não encontramos esse item: ele pode ter sido removido. Atualize a página.",
  slot_taken: "Esse horário acabou de ser ocupado. Escolha outro.",
  already_decided: "Essa sugestão já foi decidida.",
  illegal_transition: "Essa mudança não é permitida para este horário.",
  appointment_not_started: "O atendimento ainda não começou.",
  offer_closed: "Essa oferta foi encerrada pelo lado do cliente.",
  slot_passed: "Esse horário já passou.",
  outside_working_hours: "O horário está fora do expediente do profissional.",
  salon_closed: "O salão está fechado nesse dia.",
  invalid_command: "O pedido não combina com os dados do salão. Confira e tente de novo.",
  duplicate_command: "Esse pedido já foi feito com outros dados. Atualize a página e tente de novo.",
  invalid_salon_file: "O arquivo do salão não pôde ser importado como está.",
  stale_agenda: "A agenda acabou de mudar. Tente de novo em alguns segundos.",
  already_answered: "Essa mensagem já foi respondida.",
  invalid_template: "O modelo de mensagem do WhatsApp não pode ser enviado como está.",
  // deployments/errors.py, rate_limits.py, request_guard.py, console.py
  unauthorized: "Sua sessão expirou ou o acesso foi recusado. Entre de novo.",
  forbidden: "Só o dono do salão pode fazer isso.",
  method_not_allowed: "Essa ação não está disponível.",
  bad_request: "O servidor não entendeu o pedido.",
  http_error: "O servidor recusou o pedido.",
  validation_error: "Algum campo não está preenchido corretamente. Confira e tente de novo.",
  invalid_request: "O texto enviado tem caracteres que não são aceitos. Apague e escreva de novo.",
  rate_limited: "Muitos pedidos em pouco tempo. Aguarde um momento e tente de novo.",
  body_too_large: "O conteúdo enviado é grande demais.",
  tenant_unavailable: "A agenda do salão está reiniciando. Tente de novo em alguns segundos.",
  store_unavailable: "O servidor está indisponível no momento. Tente de novo em alguns segundos.",
  internal_error:
    "Aconteceu um erro inesperado no servidor. Tente de novo; se continuar, fale com o suporte.",
  console_not_built: "O painel ainda não foi instalado neste servidor.",
  // apiError.ts: no answer at all
  network_error: "Sem conexão com o servidor. Verifique a internet e tente de novo.",
} as const satisfies Record<string, string>;
export type ApiErrorCode = keyof typeof API_ERROR_TEXTS;

/** A status without a code of ours (`http_<status>`, from a proxy in between). */
function statusText(status: number): string {
  if (status === 401) return API_ERROR_TEXTS.unauthorized;
  if (status === 403) return API_ERROR_TEXTS.forbidden;
  if (status === 404) return API_ERROR_TEXTS.not_found;
  if (status === 413) return API_ERROR_TEXTS.body_too_large;
  if (status === 429) return API_ERROR_TEXTS.rate_limited;
  if (status >= 500) return API_ERROR_TEXTS.store_unavailable;
  return API_ERROR_TEXTS.http_error;
}

/** The sentence for a code of the back end's (a batch item's, an `ApiError`'s); null if unknown. */
export function errorCodeText(code: string | null | undefined): string | null {
  if (!code) return null;
  if (Object.hasOwn(API_ERROR_TEXTS, code)) return API_ERROR_TEXTS[code as ApiErrorCode];
  const status = /^http_(\d{3})$/.exec(code);
  return status ? statusText(Number(status[1])) : null;
}

/** What to tell the owner about a failed call: the code's sentence, else `fallback`. */
export function apiErrorText(error: unknown, fallback = "Não foi possível concluir. Tente de novo."): string {
  if (!(error instanceof ApiError)) return fallback;
  return errorCodeText(error.code) ?? statusText(error.status);
}

/** For support, in a title/tooltip: `slot_taken (409)`, `network_error`. */
export function failureCode(error: unknown): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.status ? `${error.code} (${error.status})` : error.code;
}

const TEMPLATE_REFUSED =
  "O WhatsApp recusou o modelo da mensagem ou os dados dele. Revise o modelo com o suporte.";
const THROTTLED = "O WhatsApp limitou o envio de mensagens por um tempo; o envio é tentado de novo.";
const byCodes = (codes: number[], text: string) => Object.fromEntries(codes.map((c) => [c, text]));

/** Meta's error codes the sender understands (domain/delivery.py), in the owner's words. */
export const META_ERROR_TEXTS: Record<number, string> = {
  131047:
    "Passaram mais de 24 horas desde a última mensagem do cliente, e o WhatsApp só aceita um modelo aprovado.",
  131049: "O WhatsApp segurou a oferta: esse cliente já recebeu muitas mensagens de marketing recentemente.",
  131050: "O cliente bloqueou as mensagens de marketing do salão no WhatsApp.",
  131026: "O WhatsApp não conseguiu entregar para esse número (ele pode não ter WhatsApp).",
  131021: "O número do cliente é o próprio número do salão.",
  131030: "Esse número não está na lista de números permitidos do número de teste do WhatsApp.",
  ...byCodes([132000, 132001, 132005, 132007, 132012, 132015, 132016, 132068], TEMPLATE_REFUSED),
  ...byCodes([130429, 131048, 131056, 80007, 4], THROTTLED),
};

/** Why the sender gave a message up without a code of Meta's (db/outbox.py, actors/sender.py). */
export const DELIVERY_REASON_TEXTS: Record<string, string> = {
  opted_out: "O cliente pediu para não receber ofertas.",
  no_consent: "O cliente não autorizou receber ofertas (LGPD).",
  appointment_changed: "O lembrete não foi enviado: o horário foi cancelado, remarcado ou já passou.",
  failed: "A mensagem não pôde ser enviada.",
};
/** The sender's own English reasons, recognised by their words. */
const DELIVERY_REASON_PATTERNS: [RegExp, string][] = [
  [
    /no template for this offer/,
    "Passaram 24 horas desde a última mensagem do cliente e não há modelo aprovado para essa oferta.",
  ],
  [/without a code/, "O WhatsApp recusou a mensagem sem dizer o motivo."],
  [/n8n|HTTP|timed? ?out|connect/i, "O serviço de envio do WhatsApp não respondeu."],
];

export interface DeliveryFailure {
  reason: string;
  error_code?: number | null;
  attempts?: number;
}

/** Why a message to a client was not delivered, for the owner. */
export function deliveryFailureText(failure: DeliveryFailure): string {
  const code = failure.error_code;
  if (code != null && META_ERROR_TEXTS[code]) return META_ERROR_TEXTS[code];
  const known = DELIVERY_REASON_TEXTS[failure.reason];
  if (known) return known;
  const pattern = DELIVERY_REASON_PATTERNS.find(([words]) => words.test(failure.reason));
  if (pattern) return pattern[1];
  if (code != null) return `O WhatsApp não entregou a mensagem (código ${code}).`;
  const tries = failure.attempts && failure.attempts > 1 ? ` depois de ${failure.attempts} tentativas` : "";
  return `A mensagem não pôde ser enviada pelo WhatsApp${tries}.`;
}

/** The reason and code as the back end gave them, for a tooltip. */
export function deliveryFailureCode(failure: DeliveryFailure): string {
  return failure.error_code != null ? `${failure.reason} [${failure.error_code}]` : failure.reason;
}

/** Why a campaign left a client out (domain/recall.py `SkipReason`). */
export const CAMPAIGN_SKIP_TEXTS: Record<string, string> = {
  opted_out: "Não querem receber campanhas",
  no_consent: "Sem autorização para ofertas",
  already_booked: "Já têm horário marcado",
  pending_suggestion: "Já têm sugestão pendente",
  frequency_cap: "Receberam campanha há pouco",
  no_slot: "Sem horário livre",
  run_limit: "Acima do limite da campanha",
};

export function campaignSkipText(reason: string): string {
  return CAMPAIGN_SKIP_TEXTS[reason] ?? "Outro motivo";
}

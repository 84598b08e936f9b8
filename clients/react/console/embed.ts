// How the customer's app hands the console an owner token (docs/console-embed.md): in the URL
// fragment (`/console/#token=<jwt>`, never sent to a server), or by postMessage from the page that
// frames the console — accepted only from the parent window, on an origin the server lists in
// `/console/embed.json` (AGENDA_CONSOLE_EMBED_ORIGINS; the same list may frame it, CSP
// frame-ancestors). The console asks its host for a fresh token when one expires or is refused.

export const EMBED_MESSAGES = {
  /** console → host: listening; send the token. */
  ready: "agenda-cheia:ready",
  /** host → console: `{type, token}`. */
  token: "agenda-cheia:token",
  /** console → host: `{type, reason}`, the token is refused, expired or about to: send a fresh one. */
  tokenExpired: "agenda-cheia:token-expired",
} as const;

export type ExpiredReason = "expiring" | "expired" | "refused";

export interface Entry {
  token: string;
  /** Where "Voltar" leads (the host's page), when its origin is an embedding origin. */
  back: string | null;
}

/** The token of `#token=<jwt>[&back=<url>]`, or null for any other fragment (`#/chat`). */
export function entryFromFragment(hash: string): Entry | null {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const token = params.get("token")?.trim();
  return token ? { token, back: params.get("back") } : null;
}

/** Takes the entry token from the address and removes it at once (history and screen). */
export function takeEntry(win: Window = window): Entry | null {
  const entry = entryFromFragment(win.location.hash);
  if (entry) {
    win.history.replaceState(win.history.state, "", win.location.pathname + win.location.search);
  }
  return entry;
}

/** The origins that may frame the console and hand it tokens; [] when none or unknown. */
export async function loadEmbedOrigins(baseUrl: string, fetcher: typeof fetch = fetch): Promise<string[]> {
  try {
    const response = await fetcher(`${baseUrl}/console/embed.json`, {
      headers: { Accept: "application/json" },
    });
    if (!response.ok) return [];
    const body = (await response.json()) as { origins?: unknown };
    return Array.isArray(body.origins) ? body.origins.filter((o): o is string => typeof o === "string") : [];
  } catch {
    return [];
  }
}

export function isFramed(win: Window = window): boolean {
  return win.parent !== win;
}

/** `back` when it is an http(s) address on an embedding origin (never an arbitrary site's). */
export function safeBackLink(back: string | null | undefined, origins: readonly string[]): string | null {
  if (!back) return null;
  try {
    const url = new URL(back);
    return /^https?:$/.test(url.protocol) && origins.includes(url.origin) ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * Calls `onToken` for each token the parent window posts from an embedding origin; anything else
 * (another origin, another window such as an opener, a malformed message) is ignored. Returns
 * the function that stops listening.
 */
export function listenForTokens(
  win: Window,
  origins: readonly string[],
  onToken: (token: string) => void,
): () => void {
  const listener = (event: MessageEvent) => {
    if (event.source !== win.parent || win.parent === win) return;
    if (!origins.includes(event.origin)) return;
    const data = event.data as { type?: unknown; token?: unknown } | null;
    if (data?.type !== EMBED_MESSAGES.token || typeof data.token !== "string" || !data.token.trim()) return;
    onToken(data.token.trim());
  };
  win.addEventListener("message", listener);
  return () => win.removeEventListener("message", listener);
}

/** Posts to the parent, addressed to each embedding origin: only the one it is on receives it. */
export function tellHost(win: Window, origins: readonly string[], message: Record<string, unknown>): void {
  if (win.parent === win) return;
  for (const origin of origins) win.parent.postMessage(message, origin);
}

/** Ms until the host should be asked for a fresh token (a minute before expiry); null: no timer. */
export function refreshDelayMs(expiresAt: string, now: number, leadMs = 60_000): number | null {
  const at = Date.parse(expiresAt);
  if (Number.isNaN(at)) return null;
  const delay = Math.max(0, at - leadMs - now);
  return delay > 2 ** 31 - 1 ? null : delay; // setTimeout's limit: a long-lived token needs none
}

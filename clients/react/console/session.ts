// The owner's token lives in this tab's sessionStorage only: nothing is baked into the bundle.
import type { Session } from "../src";

const KEY = "agenda-cheia.console.token";

export interface StoredLogin {
  token: string;
  session: Session;
  /** The host's page the owner came from (`#token=…&back=…`), for "Voltar ao sistema do salão". */
  back?: string | null;
}

export function loadLogin(): StoredLogin | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as StoredLogin) : null;
  } catch {
    return null;
  }
}

export function saveLogin(login: StoredLogin): void {
  sessionStorage.setItem(KEY, JSON.stringify(login));
}

export function clearLogin(): void {
  sessionStorage.removeItem(KEY);
}

/** The API lives where the console is served, minus `/console/…` (keeps a route prefix). */
export function apiBaseUrl(location: Location = window.location): string {
  const prefix = location.pathname.replace(/\/console(\/.*)?$/, "");
  return location.origin + prefix;
}

// @vitest-environment jsdom
// The console's embed entry: the token from the fragment leaves the address at once, and only the
// framing page on an embedding origin can hand tokens over by postMessage.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import {
  EMBED_MESSAGES,
  entryFromFragment,
  listenForTokens,
  loadEmbedOrigins,
  refreshDelayMs,
  safeBackLink,
  takeEntry,
  tellHost,
} from "../console/embed";
import { refusal } from "../console/useEntry";
import { ApiError } from "../src";

const HOST = "https://app.example.com";

/** A framed window: its parent records what is posted; `send` delivers a message event. */
function framedWindow() {
  const listeners = new Set<(event: MessageEvent) => void>();
  const posted: [unknown, string][] = [];
  const parent = { postMessage: (message: unknown, origin: string) => posted.push([message, origin]) };
  const win = {
    parent,
    addEventListener: (_: string, listener: (event: MessageEvent) => void) => listeners.add(listener),
    removeEventListener: (_: string, listener: (event: MessageEvent) => void) => listeners.delete(listener),
  } as unknown as Window;
  const send = (event: { data: unknown; origin: string; source: unknown }) =>
    listeners.forEach((listener) => listener(event as MessageEvent));
  return { win, parent, posted, send, listeners };
}

describe("the fragment entry", () => {
  it("reads the token and the way back", () => {
    expect(entryFromFragment("#token=abc.def.ghi&back=https%3A%2F%2Fapp.example.com%2Fsalao")).toEqual({
      token: "abc.def.ghi",
      back: "https://app.example.com/salao",
    });
    expect(entryFromFragment("#/chat")).toBeNull();
    expect(entryFromFragment("#token=")).toBeNull();
  });

  it("strips the token from the address and keeps the path", () => {
    window.history.pushState(null, "", "/console/?x=1#token=abc.def.ghi");
    expect(takeEntry(window)?.token).toBe("abc.def.ghi");
    expect(window.location.href).toBe("http://localhost:3000/console/?x=1");
    expect(window.location.hash).toBe("");
  });

  it("leaves a page's address alone", () => {
    window.history.pushState(null, "", "/console/#/calendar");
    expect(takeEntry(window)).toBeNull();
    expect(window.location.hash).toBe("#/calendar");
  });
});

describe("tokens by postMessage", () => {
  it("takes a token from the parent on an embedding origin", () => {
    const { win, parent, send } = framedWindow();
    const tokens: string[] = [];
    listenForTokens(win, [HOST], (token) => tokens.push(token));
    send({ data: { type: EMBED_MESSAGES.token, token: "good" }, origin: HOST, source: parent });
    expect(tokens).toEqual(["good"]);
  });

  it("ignores another origin, another window and malformed messages", () => {
    const { win, parent, send } = framedWindow();
    const tokens: string[] = [];
    listenForTokens(win, [HOST], (token) => tokens.push(token));
    send({
      data: { type: EMBED_MESSAGES.token, token: "evil" },
      origin: "https://evil.example",
      source: parent,
    });
    // An opener or another frame on the right origin is still not the page that frames us.
    send({ data: { type: EMBED_MESSAGES.token, token: "opener" }, origin: HOST, source: {} });
    send({ data: { type: "other", token: "x" }, origin: HOST, source: parent });
    send({ data: { type: EMBED_MESSAGES.token, token: 42 }, origin: HOST, source: parent });
    send({ data: null, origin: HOST, source: parent });
    expect(tokens).toEqual([]);
  });

  it("stops listening when told", () => {
    const { win, listeners } = framedWindow();
    const stop = listenForTokens(win, [HOST], () => undefined);
    stop();
    expect(listeners.size).toBe(0);
  });

  it("addresses each message to the embedding origins only", () => {
    const { win, posted } = framedWindow();
    tellHost(win, [HOST, "https://admin.example.com"], {
      type: EMBED_MESSAGES.tokenExpired,
      reason: "expired",
    });
    expect(posted).toEqual([
      [{ type: "agenda-cheia:token-expired", reason: "expired" }, HOST],
      [{ type: "agenda-cheia:token-expired", reason: "expired" }, "https://admin.example.com"],
    ]);
  });

  it("posts nothing when not framed", () => {
    const calls: unknown[] = [];
    const win = { postMessage: (m: unknown) => calls.push(m) } as unknown as Window & { parent: Window };
    (win as { parent: unknown }).parent = win;
    tellHost(win, [HOST], { type: EMBED_MESSAGES.ready });
    expect(calls).toEqual([]);
  });
});

describe("the embedding origins", () => {
  it("are read from the server's embed.json", async () => {
    const asked: string[] = [];
    const fetcher = (async (url: string) => {
      asked.push(url);
      return new Response(JSON.stringify({ origins: [HOST, 3] }), { status: 200 });
    }) as typeof fetch;
    expect(await loadEmbedOrigins("http://api.test/prefix", fetcher)).toEqual([HOST]);
    expect(asked).toEqual(["http://api.test/prefix/console/embed.json"]);
  });

  it("are none when the server cannot say", async () => {
    const missing = (async () => new Response("{}", { status: 404 })) as typeof fetch;
    const down = (async () => Promise.reject(new TypeError("Failed to fetch"))) as typeof fetch;
    expect(await loadEmbedOrigins("http://api.test", missing)).toEqual([]);
    expect(await loadEmbedOrigins("http://api.test", down)).toEqual([]);
  });

  it("bound where the way back may lead", () => {
    expect(safeBackLink("https://app.example.com/salao?id=1", [HOST])).toBe(
      "https://app.example.com/salao?id=1",
    );
    expect(safeBackLink("https://evil.example/phish", [HOST])).toBeNull();
    expect(safeBackLink("javascript:alert(1)", [HOST])).toBeNull();
    expect(safeBackLink(null, [HOST])).toBeNull();
  });
});

describe("asking for a fresh token", () => {
  it("is due a minute before the token expires", () => {
    const now = Date.parse("2026-12-06T12:00:00Z");
    expect(refreshDelayMs("2026-12-06T13:00:00Z", now)).toBe(59 * 60_000);
    expect(refreshDelayMs("2026-12-06T12:00:30Z", now)).toBe(0);
    expect(refreshDelayMs("2027-06-06T12:00:00Z", now)).toBeNull(); // beyond setTimeout's reach
    expect(refreshDelayMs("not a date", now)).toBeNull();
  });
});

describe("docs/console-embed.md", () => {
  it("shows the very snippet the browser tests run (examples/mint-owner-token.mjs)", () => {
    const root = join(import.meta.dirname, "..");
    const doc = readFileSync(join(root, "..", "..", "docs", "console-embed.md"), "utf8");
    const snippet = readFileSync(join(root, "examples", "mint-owner-token.mjs"), "utf8");
    const blocks = [...doc.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);
    expect(blocks).toContain(snippet);
  });

  it("mints a token with the claims the API requires", async () => {
    const snippet = pathToFileURL(join(import.meta.dirname, "..", "examples", "mint-owner-token.mjs")).href;
    const { mintOwnerToken } = (await import(/* @vite-ignore */ snippet)) as {
      mintOwnerToken: (options: Record<string, unknown>) => string;
    };
    const token = mintOwnerToken({
      secret: "s".repeat(32),
      tenantId: "t",
      userId: "u",
      ttlS: 600,
      now: 1000,
    });
    const [header, claims, signature] = token.split(".");
    expect(JSON.parse(Buffer.from(header ?? "", "base64url").toString())).toEqual({
      alg: "HS256",
      typ: "JWT",
    });
    expect(JSON.parse(Buffer.from(claims ?? "", "base64url").toString())).toEqual({
      sub: "u",
      tenant_id: "t",
      role: "owner",
      iat: 1000,
      exp: 1600,
      iss: "agenda-cheia",
      aud: "agenda-cheia-api",
    });
    expect(signature).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe("a refused token", () => {
  it("is said in the owner's words, with the code for support", () => {
    expect(refusal(new ApiError(401, "unauthorized", "invalid token: Signature has expired"))).toEqual({
      text: "O acesso ao painel expirou ou não é válido.",
      code: "unauthorized (401)",
    });
    expect(refusal(new ApiError(404, "not_found", "tenant")).text).toBe(
      "Salão não encontrado para este acesso.",
    );
    expect(refusal(new ApiError(0, "network_error", "TypeError")).text).toBe(
      "Sem conexão com o servidor. Verifique a internet e tente de novo.",
    );
  });
});

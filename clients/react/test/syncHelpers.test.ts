import { describe, expect, it } from "vitest";
import { backoffDelay, sessionAuthCheck, socketUrl, tokenExpired } from "../src/sync";
import { TENANT_ID } from "./factories";

const BASE = "https://api.test";
const TOKEN = "tok.en";

describe("socketUrl", () => {
  it("carries tenant and token, and no last_event_id when the position is unknown", () => {
    const url = new URL(socketUrl(BASE, TENANT_ID, TOKEN, null));
    expect(url.origin + url.pathname).toBe("wss://api.test/ws/sync");
    expect([...url.searchParams.keys()]).toEqual(["tenant_id", "token"]);
    expect(url.searchParams.get("tenant_id")).toBe(TENANT_ID);
    expect(url.searchParams.get("token")).toBe(TOKEN);
  });

  it("keeps a path prefix, drops a trailing slash and maps http to ws", () => {
    expect(socketUrl("http://localhost:8000/api-gw/", "t", "k", 0)).toBe(
      "ws://localhost:8000/api-gw/ws/sync?tenant_id=t&token=k&last_event_id=0",
    );
  });
});

describe("backoffDelay", () => {
  const backoff = { initialMs: 500, maxMs: 30_000, factor: 2 };

  it("grows by the factor with each attempt", () => {
    expect([0, 1, 2, 3].map((n) => backoffDelay(n, backoff, () => 1))).toEqual([500, 1000, 2000, 4000]);
  });

  it("jitters between half the step and the whole step", () => {
    expect(backoffDelay(3, backoff, () => 0)).toBe(2000);
    expect(backoffDelay(3, backoff, () => 0.5)).toBe(3000);
    expect(backoffDelay(3, backoff, () => 0.999999)).toBe(4000);
  });

  it("caps the step at maxMs, jitter included", () => {
    expect(backoffDelay(20, backoff, () => 1)).toBe(30_000);
    expect(backoffDelay(20, backoff, () => 0)).toBe(15_000);
  });
});

function jwt(payload: object): string {
  return `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify(payload)).toString("base64url")}.c2ln`;
}

describe("tokenExpired", () => {
  const now = Date.UTC(2026, 11, 1, 12, 0, 0);

  it("is true when exp is in the past", () => {
    expect(tokenExpired(jwt({ exp: now / 1000 - 1 }), now)).toBe(true);
  });

  it("is false when exp is in the future", () => {
    expect(tokenExpired(jwt({ exp: now / 1000 + 60 }), now)).toBe(false);
  });

  it("reads base64url payloads with - and _ and no padding", () => {
    const token = jwt({ exp: now / 1000 - 1, n: "???>>>" });
    const payload = token.split(".")[1] ?? "";
    expect(payload).toMatch(/[-_]/);
    expect(payload.length % 4).not.toBe(0);
    expect(tokenExpired(token, now)).toBe(true);
  });

  it("is false for a token without exp", () => {
    expect(tokenExpired(jwt({ sub: "u" }), now)).toBe(false);
  });

  it.each(["", "opaque-token", "a.%%%.c", "a.bm90IGpzb24.c"])("is false for garbage %j", (token) => {
    expect(tokenExpired(token, now)).toBe(false);
  });
});

describe("sessionAuthCheck", () => {
  const valid = jwt({ exp: Date.now() / 1000 + 3600 });

  function answering(answer: () => Response) {
    const requests: { url: string; authorization: string | null }[] = [];
    const fetcher: typeof fetch = async (input, init) => {
      requests.push({ url: String(input), authorization: new Headers(init?.headers).get("Authorization") });
      return answer();
    };
    return { fetcher, requests };
  }

  it.each([
    [401, "unauthorized"],
    [403, "unauthorized"],
    [200, "ok"],
    [503, "unknown"],
  ] as const)("maps a %i from the session endpoint to %s", async (status, result) => {
    const { fetcher } = answering(() => new Response("{}", { status }));
    expect(await sessionAuthCheck(BASE, valid, fetcher)()).toBe(result);
  });

  it("asks the session endpoint under the base URL with the token", async () => {
    const { fetcher, requests } = answering(() => new Response("{}"));
    await sessionAuthCheck(`${BASE}/prefix/`, valid, fetcher)();
    expect(requests).toEqual([{ url: `${BASE}/prefix/api/v1/session`, authorization: `Bearer ${valid}` }]);
  });

  it("is unknown when the request fails", async () => {
    const fetcher: typeof fetch = async () => {
      throw new TypeError("Failed to fetch");
    };
    expect(await sessionAuthCheck(BASE, valid, fetcher)()).toBe("unknown");
  });

  it("is unauthorized without asking when the token has expired", async () => {
    const { fetcher, requests } = answering(() => new Response("{}"));
    expect(await sessionAuthCheck(BASE, jwt({ exp: 1 }), fetcher)()).toBe("unauthorized");
    expect(requests).toEqual([]);
  });
});

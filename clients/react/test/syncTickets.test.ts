import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  AuthRefusedError,
  SyncClient,
  sessionTickets,
  type SyncStatus,
  type TicketSource,
} from "../src/sync";
import { TENANT_ID } from "./factories";
import { FakeServer } from "./fakeSocket";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function setup(tickets: TicketSource) {
  const server = new FakeServer();
  const statuses: SyncStatus[] = [];
  const client = new SyncClient({
    baseUrl: "https://api.test",
    tenantId: TENANT_ID,
    token: "the-token",
    onEvent: () => undefined,
    onStatus: (status) => statuses.push(status),
    socketFactory: server.factory,
    tickets,
    random: () => 1,
  });
  return { client, server, statuses };
}

function numbered(): { source: TicketSource; issued: string[] } {
  const issued: string[] = [];
  return {
    issued,
    source: async () => {
      issued.push(`t${issued.length + 1}`);
      return issued.at(-1) ?? "";
    },
  };
}

describe("SyncClient with tickets", () => {
  it("asks a new ticket for every connection and never puts the token in the URL", async () => {
    const { source } = numbered();
    const { client, server } = setup(source);
    client.start();
    await vi.advanceTimersByTimeAsync(0);
    server.current.open();
    server.current.drop();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(server.sockets.map((s) => s.params.get("ticket"))).toEqual(["t1", "t2"]);
    expect(server.sockets.every((s) => !s.params.has("token"))).toBe(true);
    client.stop();
  });

  it("retries with backoff while the ticket endpoint is unreachable", async () => {
    let calls = 0;
    const source: TicketSource = async () => {
      calls += 1;
      if (calls < 3) throw new Error("HTTP 503");
      return "t";
    };
    const { client, server, statuses } = setup(source);
    client.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(server.sockets).toHaveLength(0);
    expect(statuses.at(-1)).toBe("reconnecting");
    await vi.advanceTimersByTimeAsync(500 + 1_000);
    expect(calls).toBe(3);
    expect(server.sockets).toHaveLength(1);
    client.stop();
  });

  it("stops for good when the token is refused", async () => {
    const source: TicketSource = async () => {
      throw new AuthRefusedError(401);
    };
    const { client, server, statuses } = setup(source);
    client.start();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(server.sockets).toHaveLength(0);
    expect(statuses.at(-1)).toBe("unauthorized");
  });

  it("does not open a socket for a ticket that arrives after stop()", async () => {
    let release: (ticket: string) => void = () => undefined;
    const source: TicketSource = () => new Promise((resolve) => (release = resolve));
    const { client, server } = setup(source);
    client.start();
    client.stop();
    release("late");
    await vi.advanceTimersByTimeAsync(0);
    expect(server.sockets).toHaveLength(0);
  });
});

describe("sessionTickets", () => {
  const answering = (response: Response) => {
    const requests: Request[] = [];
    const fetcher: typeof fetch = async (input, init) => {
      requests.push(new Request(input, init));
      return response;
    };
    return { fetcher, requests };
  };

  it("posts with the bearer token and returns the ticket", async () => {
    const { fetcher, requests } = answering(
      new Response(JSON.stringify({ ticket: "abc", expires_in_s: 30 })),
    );
    expect(await sessionTickets("https://api.test/", "tok", fetcher)()).toBe("abc");
    expect(requests[0]?.method).toBe("POST");
    expect(requests[0]?.url).toBe("https://api.test/api/v1/sync/ws-ticket");
    expect(requests[0]?.headers.get("Authorization")).toBe("Bearer tok");
  });

  it("refuses an answer without a ticket rather than fall back to the token", async () => {
    const { fetcher } = answering(new Response(JSON.stringify({ status: "ok" })));
    const error = await sessionTickets("https://api.test", "tok", fetcher)().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(AuthRefusedError);
  });

  it("turns 401 into AuthRefusedError", async () => {
    const { fetcher } = answering(new Response("{}", { status: 401 }));
    await expect(sessionTickets("https://api.test", "tok", fetcher)()).rejects.toBeInstanceOf(
      AuthRefusedError,
    );
  });

  it("turns 503 into a plain error (retried)", async () => {
    const { fetcher } = answering(new Response("{}", { status: 503 }));
    const error = await sessionTickets("https://api.test", "tok", fetcher)().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(AuthRefusedError);
  });
});

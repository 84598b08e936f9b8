import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { STABLE_MS, SyncClient, type AuthCheck, type SyncOptions, type SyncStatus } from "../src/sync";
import type { AgentEvent } from "../src/types";
import { TENANT_ID, makeAuthRequestCreated, makeResyncRequired, makeSyncStarted } from "./factories";
import { FakeServer } from "./fakeSocket";

const BASE = "https://api.test";
const TOKEN = "tok.en";

function setup(options: Partial<SyncOptions> = {}) {
  const server = new FakeServer();
  const events: AgentEvent[] = [];
  const statuses: SyncStatus[] = [];
  const authChecks: string[] = [];
  let refetches = 0;
  const checkAuth: AuthCheck = async () => {
    authChecks.push("check");
    return "unknown";
  };
  const client = new SyncClient({
    baseUrl: BASE,
    tenantId: TENANT_ID,
    token: TOKEN,
    onEvent: (event) => events.push(event),
    onStatus: (status) => statuses.push(status),
    refetch: () => {
      refetches += 1;
    },
    checkAuth,
    socketFactory: server.factory,
    random: () => 1,
    ...options,
  });
  return { client, server, events, statuses, authChecks, refetches: () => refetches };
}

const event = (id: number) => makeAuthRequestCreated({ event_id: id });
const ids = (events: AgentEvent[]) => events.map((e) => e.event_id);

/** Time from now until the client opens its next socket. */
async function nextReconnectDelay(server: FakeServer): Promise<number> {
  const before = server.sockets.length;
  const start = Date.now();
  await vi.advanceTimersToNextTimerAsync();
  expect(server.sockets.length).toBe(before + 1);
  return Date.now() - start;
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("SyncClient", () => {
  it("connects without last_event_id when it has no position", () => {
    const { client, server } = setup();
    client.start();
    expect(server.current.params.has("last_event_id")).toBe(false);
    expect(server.current.params.get("token")).toBe(TOKEN);
    expect(server.current.params.get("tenant_id")).toBe(TENANT_ID);
  });

  it("connects with the given lastEventId", () => {
    const { client, server } = setup({ lastEventId: 41 });
    client.start();
    expect(server.current.params.get("last_event_id")).toBe("41");
  });

  it("delivers events in order", () => {
    const { client, server, events } = setup();
    client.start();
    server.accept([event(1), event(2)]);
    server.current.send(event(3));
    expect(ids(events)).toEqual([1, 2, 3]);
  });

  it("resumes after a drop from the last event seen", async () => {
    const { client, server } = setup({ lastEventId: 3 });
    client.start();
    server.accept([event(4), event(5)]);
    server.current.send(event(6));
    server.current.drop();
    await nextReconnectDelay(server);
    expect(server.current.params.get("last_event_id")).toBe("6");
    expect(client.lastEventId).toBe(6);
  });

  it("resumes from the id sync_started gave when no event arrived", async () => {
    const { client, server } = setup();
    client.start();
    server.accept([], 42);
    server.current.drop();
    await nextReconnectDelay(server);
    expect(server.current.params.get("last_event_id")).toBe("42");
  });

  it("does not deliver an event twice when a reconnect replays it", async () => {
    const { client, server, events } = setup();
    client.start();
    server.accept([event(1), event(2), event(3)]);
    server.current.drop();
    await nextReconnectDelay(server);
    server.accept([event(2), event(3), event(4)]);
    server.current.send(event(4));
    expect(ids(events)).toEqual([1, 2, 3, 4]);
  });

  it("never applies an event past a hole: it reconnects from the last id it holds", async () => {
    const { client, server, events } = setup({ lastEventId: 3 });
    client.start();
    server.accept([event(4)]);
    const first = server.current;
    first.send(event(6)); // 5 is missing
    expect(ids(events)).toEqual([4]);
    expect(first.closedByClient?.code).toBe(4000);
    await nextReconnectDelay(server);
    expect(server.current.params.get("last_event_id")).toBe("4");
    server.accept([event(5), event(6)]);
    server.current.send(event(7));
    expect(ids(events)).toEqual([4, 5, 6, 7]);
    expect(client.lastEventId).toBe(7);
  });

  it("ignores messages that are not JSON and stays connected", () => {
    const { client, server, events } = setup();
    client.start();
    server.accept();
    server.current.sendRaw("pong");
    server.current.send(event(1));
    expect(ids(events)).toEqual([1]);
    expect(client.status).toBe("live");
  });

  it("reports statuses in order across a reconnect", async () => {
    const { client, server, statuses } = setup();
    client.start();
    server.current.open();
    server.current.send(makeSyncStarted(0));
    server.current.drop();
    await nextReconnectDelay(server);
    server.accept();
    client.stop();
    expect(statuses).toEqual([
      "connecting",
      "replaying",
      "live",
      "reconnecting",
      "replaying",
      "live",
      "stopped",
    ]);
  });

  describe("backoff", () => {
    it("doubles the delay after each failed connection", async () => {
      const { client, server } = setup();
      client.start();
      const delays: number[] = [];
      for (let i = 0; i < 5; i++) {
        server.current.open();
        server.current.drop();
        delays.push(await nextReconnectDelay(server));
      }
      expect(delays).toEqual([500, 1000, 2000, 4000, 8000]);
    });

    it("waits the whole step before reconnecting, not less", async () => {
      const { client, server } = setup();
      client.start();
      server.current.open();
      server.current.drop();
      await vi.advanceTimersByTimeAsync(499);
      expect(server.sockets).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(server.sockets).toHaveLength(2);
    });

    it("is capped at maxMs", async () => {
      const { client, server } = setup({ backoff: { initialMs: 1000, maxMs: 5000, factor: 3 } });
      client.start();
      const delays: number[] = [];
      for (let i = 0; i < 4; i++) {
        server.current.open();
        server.current.drop();
        delays.push(await nextReconnectDelay(server));
      }
      expect(delays).toEqual([1000, 3000, 5000, 5000]);
    });

    it("uses the injected random for its jitter", async () => {
      const { client, server } = setup({ random: () => 0 });
      client.start();
      server.current.open();
      server.current.drop();
      expect(await nextReconnectDelay(server)).toBe(250);
    });

    it("starts over once a socket stayed live for a while", async () => {
      const { client, server } = setup();
      client.start();
      for (let i = 0; i < 3; i++) {
        server.current.open();
        server.current.drop();
        await nextReconnectDelay(server);
      }
      server.accept();
      await vi.advanceTimersByTimeAsync(STABLE_MS);
      server.current.drop();
      expect(await nextReconnectDelay(server)).toBe(500);
    });

    it("keeps growing when the server drops the socket right after sync_started", async () => {
      const { client, server } = setup();
      client.start();
      const delays: number[] = [];
      for (let i = 0; i < 3; i++) {
        server.accept();
        server.current.drop();
        delays.push(await nextReconnectDelay(server));
      }
      expect(delays).toEqual([500, 1000, 2000]);
    });
  });

  describe("refetch", () => {
    it("is called once, on the first sync_started, when the client starts without a position", async () => {
      const { client, server, refetches } = setup();
      client.start();
      server.current.open();
      expect(refetches()).toBe(0);
      server.current.send(makeSyncStarted(10));
      expect(refetches()).toBe(1);
      server.current.drop();
      await nextReconnectDelay(server);
      server.accept([], 10);
      expect(refetches()).toBe(1);
    });

    it("is tried again with backoff until it succeeds", async () => {
      let calls = 0;
      const refetch = async () => {
        calls += 1;
        if (calls < 3) throw new Error("503");
      };
      const { client, server } = setup({ refetch });
      client.start();
      server.accept([], 10);
      await vi.advanceTimersByTimeAsync(60_000);
      expect(calls).toBe(3);
      client.stop();
    });

    it("stops retrying when the client stops", async () => {
      let calls = 0;
      const refetch = async () => {
        calls += 1;
        throw new Error("offline");
      };
      const { client, server } = setup({ refetch });
      client.start();
      server.accept([], 10);
      await vi.advanceTimersByTimeAsync(0);
      client.stop();
      await vi.advanceTimersByTimeAsync(120_000);
      expect(calls).toBe(1);
    });

    it("is not called when the client starts from a known position", () => {
      const { client, server, refetches } = setup({ lastEventId: 5 });
      client.start();
      server.accept([event(6)]);
      expect(refetches()).toBe(0);
    });

    it("is called on resync_required, once, and the client goes on after latest_event_id", async () => {
      const { client, server, events, refetches } = setup({ lastEventId: 5 });
      client.start();
      server.current.open();
      server.current.send(makeResyncRequired(5, 90));
      expect(refetches()).toBe(1);
      server.current.send(makeSyncStarted(90));
      expect(refetches()).toBe(1);
      server.current.send(event(91));
      expect(ids(events)).toEqual([91]);
      server.current.drop();
      await nextReconnectDelay(server);
      expect(server.current.params.get("last_event_id")).toBe("91");
    });

    it("resumes from latest_event_id even when dropped before sync_started", async () => {
      const { client, server } = setup({ lastEventId: 5 });
      client.start();
      server.current.open();
      server.current.send(makeResyncRequired(5, 90));
      server.current.drop(1013);
      await nextReconnectDelay(server);
      expect(server.current.params.get("last_event_id")).toBe("90");
    });
  });

  describe("authorization", () => {
    it("stops for good when a refused connection's check says unauthorized", async () => {
      const { client, server, statuses } = setup({ checkAuth: async () => "unauthorized" });
      client.start();
      server.current.drop(1006);
      await vi.advanceTimersByTimeAsync(10 * 60_000);
      expect(server.sockets).toHaveLength(1);
      expect(client.status).toBe("unauthorized");
      expect(statuses).toEqual(["connecting", "unauthorized"]);
    });

    it("keeps retrying while the check cannot tell", async () => {
      const { client, server, authChecks } = setup();
      client.start();
      for (let i = 0; i < 4; i++) {
        server.current.drop(1006);
        await nextReconnectDelay(server);
      }
      expect(server.sockets).toHaveLength(5);
      expect(authChecks).toHaveLength(4);
      expect(client.status).toBe("reconnecting");
    });

    it("checks the token when the server closes with policy violation (1008)", async () => {
      const { client, server, authChecks } = setup();
      client.start();
      server.accept();
      server.current.drop(1008);
      await nextReconnectDelay(server);
      expect(authChecks).toHaveLength(1);
    });

    it("does not check the token when an open connection drops for another reason", async () => {
      const { client, server, authChecks } = setup();
      client.start();
      server.accept();
      server.current.drop(1013);
      await nextReconnectDelay(server);
      expect(authChecks).toHaveLength(0);
    });
  });

  describe("stop", () => {
    it("closes the socket and never reconnects", async () => {
      const { client, server } = setup();
      client.start();
      server.accept();
      client.stop();
      expect(server.current.closedByClient).toEqual({ code: 1000, reason: "client stopped" });
      await vi.advanceTimersByTimeAsync(10 * 60_000);
      expect(server.sockets).toHaveLength(1);
      expect(client.status).toBe("stopped");
    });

    it("cancels a pending reconnect", async () => {
      const { client, server } = setup();
      client.start();
      server.accept();
      server.current.drop();
      client.stop();
      await vi.advanceTimersByTimeAsync(10 * 60_000);
      expect(server.sockets).toHaveLength(1);
    });

    it("wins over an auth check still in flight", async () => {
      let answer: (value: "unknown") => void = () => undefined;
      const { client, server } = setup({ checkAuth: () => new Promise((resolve) => (answer = resolve)) });
      client.start();
      server.current.drop(1006);
      client.stop();
      answer("unknown");
      await vi.advanceTimersByTimeAsync(10 * 60_000);
      expect(server.sockets).toHaveLength(1);
      expect(client.status).toBe("stopped");
    });

    it("start() after stop() during an auth check leaves exactly one connection", async () => {
      let answer: (value: "unknown") => void = () => undefined;
      const { client, server } = setup({ checkAuth: () => new Promise((resolve) => (answer = resolve)) });
      client.start();
      server.current.drop(1006);
      client.stop();
      client.start();
      answer("unknown");
      await vi.advanceTimersByTimeAsync(10 * 60_000);
      expect(server.openCount).toBe(1);
      expect(server.sockets).toHaveLength(2);
    });
  });
});

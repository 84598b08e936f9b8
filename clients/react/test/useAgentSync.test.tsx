// @vitest-environment jsdom
import { act, cleanup, renderHook } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createApiClient } from "../src/api";
import { actionsForEvent, type AppAction } from "../src/reducer";
import type { AgentEvent } from "../src/types";
import { AuthRefusedError } from "../src/sync";
import { useAgentSync, type UseAgentSyncOptions } from "../src/useAgentSync";
import {
  TENANT_ID,
  makeAuthRequestCreated,
  makeAuthRequestOut,
  makeMessageReceived,
  makeSyncStarted,
} from "./factories";
import { FakeServer } from "./fakeSocket";

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function setup(overrides: Partial<UseAgentSyncOptions> = {}) {
  const server = new FakeServer();
  const dispatched: AppAction[] = [];
  const options: UseAgentSyncOptions = {
    baseUrl: "https://api.test",
    tenantId: TENANT_ID,
    token: "token-1",
    dispatch: (action) => dispatched.push(action),
    socketFactory: server.factory,
    tickets: null,
    ...overrides,
  };
  const hook = renderHook((props: UseAgentSyncOptions) => useAgentSync(props), { initialProps: options });
  return { server, dispatched, options, ...hook };
}

const created = (id: number) => makeAuthRequestCreated({ event_id: id });

describe("useAgentSync", () => {
  it("opens one socket for the tenant with the token", () => {
    const { server } = setup();
    expect(server.sockets).toHaveLength(1);
    expect(server.current.params.get("tenant_id")).toBe(TENANT_ID);
    expect(server.current.params.get("token")).toBe("token-1");
  });

  it("opens the socket with a one-use ticket instead of the token", async () => {
    const issued: string[] = [];
    const tickets = async () => {
      issued.push(`ticket-${issued.length + 1}`);
      return issued.at(-1) ?? "";
    };
    const { server } = setup({ tickets });
    await act(async () => undefined);
    expect(server.current.params.get("ticket")).toBe("ticket-1");
    expect(server.current.params.has("token")).toBe(false);
  });

  it("stops for good when the ticket request is refused", async () => {
    const tickets = async (): Promise<string> => {
      throw new AuthRefusedError(401);
    };
    const { server, result } = setup({ tickets });
    await act(async () => undefined);
    expect(server.sockets).toHaveLength(0);
    expect(result.current.status).toBe("unauthorized");
  });

  it("does not open a socket without a token", () => {
    const { server, result } = setup({ token: null });
    expect(server.sockets).toHaveLength(0);
    expect(result.current.status).toBe("stopped");
  });

  it("does not open a socket without a tenant", () => {
    const { server } = setup({ tenantId: null });
    expect(server.sockets).toHaveLength(0);
  });

  it("dispatches the actions of an incoming event", () => {
    const { server, dispatched } = setup();
    const event = created(12);
    act(() => server.accept([event]));
    expect(dispatched).toEqual(actionsForEvent(event));
  });

  it("reports status live after sync_started", () => {
    const { server, result } = setup();
    expect(result.current.status).toBe("connecting");
    act(() => server.current.open());
    expect(result.current.status).toBe("replaying");
    act(() => server.current.send(makeSyncStarted(0)));
    expect(result.current.status).toBe("live");
  });

  it("reports the id of the last event dispatched", () => {
    const { server, result } = setup({ lastEventId: 3 });
    expect(result.current.lastEventId).toBe(3);
    act(() => server.accept([created(4), created(5)]));
    expect(result.current.lastEventId).toBe(5);
  });

  it("passes each event to onEvent after dispatching it", () => {
    const order: string[] = [];
    const { server } = setup({
      dispatch: (action) => order.push(action.type),
      onEvent: (event: AgentEvent) => order.push(`onEvent:${event.event_id}`),
    });
    act(() => server.accept([makeMessageReceived({ event_id: 8 })]));
    expect(order).toEqual(["ADD_MESSAGE", "SET_LAST_EVENT_ID", "onEvent:8"]);
  });

  it("closes the socket on unmount and does not reconnect", () => {
    vi.useFakeTimers();
    const { server, unmount } = setup();
    act(() => server.accept());
    unmount();
    expect(server.current.closedByClient?.code).toBe(1000);
    vi.advanceTimersByTime(10 * 60_000);
    expect(server.sockets).toHaveLength(1);
  });

  it("keeps its socket when re-rendered with a new dispatch, and uses the new dispatch", () => {
    const { server, dispatched, rerender, options } = setup();
    act(() => server.accept([created(1)]));
    const later: AppAction[] = [];
    rerender({ ...options, dispatch: (action) => later.push(action), onEvent: () => undefined });
    act(() => server.current.send(created(2)));
    expect(server.sockets).toHaveLength(1);
    expect(server.current.state).toBe("open");
    expect(dispatched).toEqual(actionsForEvent(created(1)));
    expect(later).toEqual(actionsForEvent(created(2)));
  });

  it("reconnects with a new token and closes the old socket", () => {
    const { server, rerender, options } = setup();
    act(() => server.accept([created(7)]));
    rerender({ ...options, token: "token-2" });
    expect(server.sockets).toHaveLength(2);
    expect(server.sockets[0]?.closedByClient?.code).toBe(1000);
    expect(server.current.params.get("token")).toBe("token-2");
  });

  it("resumes from the last event seen when the token changes", () => {
    const { server, rerender, options } = setup();
    act(() => server.accept([created(7)]));
    rerender({ ...options, token: "token-2" });
    expect(server.current.params.get("last_event_id")).toBe("7");
  });

  it("reports the stream position from sync_started, before any event", () => {
    const { server, result } = setup();
    act(() => server.accept([], 30));
    expect(result.current.lastEventId).toBe(30);
  });

  it("reloads pending auth requests through the api on a fresh start", async () => {
    const pending = [makeAuthRequestOut()];
    const api = createApiClient({
      baseUrl: "https://api.test",
      token: "token-1",
      fetch: async () => new Response(JSON.stringify({ data: pending })),
    });
    const { server, dispatched } = setup({ api });
    await act(async () => server.accept([], 30));
    expect(dispatched).toEqual([{ type: "SET_AUTH_REQUESTS", payload: pending, since: 30 }]);
  });

  it("prefers the caller's refetch and survives it failing", async () => {
    let calls = 0;
    const refetch = async () => {
      calls += 1;
      throw new Error("offline");
    };
    const { server, result } = setup({ refetch });
    await act(async () => server.accept([], 30));
    expect(calls).toBe(1);
    expect(result.current.status).toBe("live");
  });
});

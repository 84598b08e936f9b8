import { describe, expect, it } from "vitest";
import { actionsForEvent } from "../src/reducer";
import { makeCampaignCompleted, makeNotificationSent } from "./factories";
import { apply, reduce } from "./reduce";

describe("counters", () => {
  it("count every delivery, beyond the notices the state keeps", () => {
    const sent = Array.from({ length: 80 }, (_, i) => makeNotificationSent({ event_id: i + 1 }));
    const state = apply(sent);
    expect(state.notifications).toHaveLength(50);
    expect(state.counters.delivered).toBe(80);
  });

  it("count a delivery replayed by UPDATE_NOTIFICATIONS once", () => {
    const sent = makeNotificationSent({ event_id: 3 });
    const actions = actionsForEvent(sent).filter((a) => a.type === "UPDATE_NOTIFICATIONS");
    expect(reduce([...actions, ...actions]).counters.delivered).toBe(1);
  });

  it("count each campaign run once", () => {
    const run = makeCampaignCompleted({ event_id: 4 });
    const again = actionsForEvent(run).filter((a) => a.type === "SET_CAMPAIGN_STATS");
    expect(reduce([...again, ...again]).counters.campaigns).toBe(1);
  });
});

describe("stored campaign runs", () => {
  const stats = (run_id: string, at: string) => ({
    campaign_type: "prazo_certo" as const,
    run_id,
    at,
    total_clients_found: 3,
    suggestions_created: 2,
    notifications_sent: 2,
    skipped: {},
  });

  it("merge with live ones, newest first, each run once", () => {
    const live = stats("r3", "2026-12-01T12:00:00Z");
    const state = reduce([
      { type: "SET_CAMPAIGN_STATS", payload: live },
      {
        type: "SET_CAMPAIGN_RUNS",
        payload: [live, stats("r1", "2026-11-30T09:00:00Z"), stats("r2", "2026-12-01T09:00:00Z")],
      },
    ]);
    expect(state.campaignHistory.map((c) => c.run_id)).toEqual(["r3", "r2", "r1"]);
    expect(state.campaignStats?.run_id).toBe("r3");
  });

  it("give the latest run when nothing arrived live", () => {
    const state = reduce([{ type: "SET_CAMPAIGN_RUNS", payload: [stats("r9", "2026-12-01T09:00:00Z")] }]);
    expect(state.campaignStats?.run_id).toBe("r9");
  });
});

import { describe, expect, it } from "vitest";
import { ApiError } from "../src/apiError";
import {
  addPeriod,
  bookingsOutsideText,
  weekBody,
  weekChanged,
  weekForm,
  weekProblems,
  weekSummary,
  workingHoursErrors,
  type PeriodDraft,
} from "../src/workingHours";
import { makeWorkingHoursUpdated, OCCURRED_AT } from "./factories";
import { apply } from "./reduce";

const TUESDAY = 1;

function p(weekday: number, start: string, end: string): PeriodDraft {
  return { weekday, start, end };
}

function refused(detail: { loc: (string | number)[]; msg: string; type: string }[]): ApiError {
  return new ApiError(422, "validation_error", detail);
}

describe("the week as the form holds it", () => {
  it("is kept in weekday and start order, seconds dropped", () => {
    const form = weekForm([
      p(5, "08:00", "14:00"),
      p(TUESDAY, "13:00:00", "19:00:00"),
      p(TUESDAY, "09:00", "12:00"),
    ]);
    expect(form).toEqual([
      p(TUESDAY, "09:00", "12:00"),
      p(TUESDAY, "13:00", "19:00"),
      p(5, "08:00", "14:00"),
    ]);
  });

  it("becomes the whole week to PUT; a week off is an empty list", () => {
    expect(weekBody([p(3, "10:00", "11:00"), p(0, "09:00", "18:00")])).toEqual({
      periods: [p(0, "09:00", "18:00"), p(3, "10:00", "11:00")],
    });
    expect(weekBody([])).toEqual({ periods: [] });
  });

  it("is changed only when it says something else than the stored week", () => {
    const saved = [p(TUESDAY, "09:00", "18:00")];
    expect(weekChanged(saved, [p(TUESDAY, "09:00", "18:00")])).toBe(false);
    expect(weekChanged(saved, [p(TUESDAY, "09:00", "17:00")])).toBe(true);
    expect(weekChanged(saved, [])).toBe(true);
  });
});

describe("adding a period", () => {
  it("starts a day off at 09:00–18:00", () => {
    expect(addPeriod([], 4)).toEqual([p(4, "09:00", "18:00")]);
  });

  it("starts an hour after the day's last period ends, for up to four hours", () => {
    expect(addPeriod([p(TUESDAY, "09:00", "12:00")], TUESDAY).at(-1)).toEqual(p(TUESDAY, "13:00", "17:00"));
    expect(addPeriod([p(TUESDAY, "09:00", "21:30")], TUESDAY).at(-1)).toEqual(p(TUESDAY, "22:30", "23:59"));
  });

  it("adds nothing to a full day, or one that ends too late for another", () => {
    const full = [
      p(0, "06:00", "07:00"),
      p(0, "08:00", "09:00"),
      p(0, "10:00", "11:00"),
      p(0, "12:00", "13:00"),
    ];
    expect(addPeriod(full, 0)).toEqual(full);
    expect(addPeriod([p(0, "09:00", "23:00")], 0)).toEqual([p(0, "09:00", "23:00")]);
  });
});

describe("the checks before sending, in Portuguese", () => {
  it("a good week has none", () => {
    expect(
      weekProblems([p(TUESDAY, "09:00", "12:00"), p(TUESDAY, "13:00", "19:00"), p(2, "09:00", "12:00")]),
    ).toEqual([]);
  });

  it("a period must end after it starts", () => {
    expect(weekProblems([p(TUESDAY, "18:00", "09:00")])).toEqual([
      "Terça: o período 18:00–09:00 precisa terminar depois de começar.",
    ]);
  });

  it("an empty time is named", () => {
    expect(weekProblems([p(6, "", "12:00")])).toEqual([
      "Domingo: preencha início e fim de cada período (HH:MM).",
    ]);
  });

  it("overlapping or touching periods are one period written twice", () => {
    expect(weekProblems([p(0, "12:00", "18:00"), p(0, "09:00", "12:00")])).toEqual([
      "Segunda: os períodos 09:00–12:00 e 12:00–18:00 se sobrepõem ou se encostam (junte-os em um só).",
    ]);
  });

  it("at most four periods a day", () => {
    const five = [6, 8, 10, 12, 14].map((h) =>
      p(3, `${String(h).padStart(2, "0")}:00`, `${String(h).padStart(2, "0")}:30`),
    );
    expect(weekProblems(five)).toEqual(["Quinta: no máximo 4 períodos por dia."]);
  });
});

describe("the back end's refusals in the owner's words", () => {
  it("says each rule of a 422 in Portuguese, one line per problem", () => {
    const error = refused([
      {
        loc: ["body", "periods"],
        msg: "Value error, weekday 2: 09:00-18:00 and 17:00-20:00 overlap or touch (make them one period); weekday 4: 5 periods, at most 4 a day",
        type: "value_error",
      },
      {
        loc: ["body", "periods", 0],
        msg: "Value error, a period must end after it starts (18:00-09:00)",
        type: "value_error",
      },
      {
        loc: ["body", "periods", 1, "start"],
        msg: "Value error, a time of the salon's day as HH:MM, e.g. 09:30",
        type: "value_error",
      },
    ]);
    expect(workingHoursErrors(error)).toEqual([
      "Quarta: os períodos 09:00-18:00 e 17:00-20:00 se sobrepõem ou se encostam (junte-os em um só).",
      "Sexta: no máximo 4 períodos por dia.",
      "O período 18:00-09:00 precisa terminar depois de começar.",
      "Use horários no formato HH:MM (por exemplo 09:30).",
    ]);
  });

  it("names who may change the hours, and a professional no longer here", () => {
    expect(workingHoursErrors(new ApiError(403, "forbidden", "owner only"))).toEqual([
      "Só o dono do salão altera os horários.",
    ]);
    expect(
      workingHoursErrors(new ApiError(404, "not_found", "professional not found in this salon")),
    ).toEqual(["Profissional não encontrado neste salão. Atualize a página."]);
    expect(workingHoursErrors(new ApiError(0, "network_error", "offline"))).toEqual([
      "Não foi possível salvar agora. Tente de novo em instantes.",
    ]);
  });
});

describe("what the page shows", () => {
  it("a summary per weekday, folga on a day off", () => {
    const summary = weekSummary([p(TUESDAY, "13:00", "19:00"), p(TUESDAY, "09:00", "12:00")]);
    expect(summary[TUESDAY]).toEqual({ weekday: TUESDAY, name: "Terça", hours: "09:00–12:00 e 13:00–19:00" });
    expect(summary[0]?.hours).toBe("folga");
    expect(summary).toHaveLength(7);
  });

  it("the bookings kept outside the hours, when there are some", () => {
    expect(bookingsOutsideText({ bookings_outside_count: 0 })).toBeNull();
    expect(bookingsOutsideText({ bookings_outside_count: 1 })).toMatch(/^1 agendamento futuro fica fora/);
    expect(bookingsOutsideText({ bookings_outside_count: 3 })).toMatch(/^3 agendamentos futuros ficam fora/);
  });
});

describe("working_hours_updated", () => {
  it("tells the owner whose hours changed, and the bookings left outside", () => {
    const state = apply([
      makeWorkingHoursUpdated({ event_id: 41 }),
      makeWorkingHoursUpdated({
        event_id: 42,
        data: { professional_name: "Rafael", bookings_outside_count: 2 },
      }),
    ]);
    expect(state.notifications.map((n) => [n.id, n.kind, n.client_id, n.text, n.at])).toEqual([
      ["event:41", "working_hours", "", "Horário de Carol atualizado", OCCURRED_AT],
      [
        "event:42",
        "working_hours",
        "",
        "Horário de Rafael atualizado (2 agendamentos fora do horário)",
        OCCURRED_AT,
      ],
    ]);
  });
});

import { describe, expect, it } from "vitest";
import {
  addDays,
  agentLabel,
  formatDate,
  formatDateTime,
  formatMoney,
  formatTime,
  formatWeekday,
  localDay,
  mapsLink,
  mediaLabel,
  offerLabel,
  openingHoursByDay,
  weekStart,
} from "../src/format";

describe("formatMoney", () => {
  it.each([
    [4500, "R$ 45,00"],
    [123456, "R$ 1.234,56"],
    [0, "R$ 0,00"],
    [5, "R$ 0,05"],
  ])("formats %i cents as %s", (cents, text) => {
    expect(formatMoney(cents)).toBe(text);
  });

  it("uses a plain space, not a no-break space", () => {
    expect(formatMoney(4500)).not.toMatch(/\u00a0/);
  });
});

describe("formatDate", () => {
  it("formats a calendar day as dd/mm/aaaa without shifting it by the zone", () => {
    expect(formatDate("2026-12-03")).toBe("03/12/2026");
    expect(formatDate("2026-12-03", "Pacific/Kiritimati")).toBe("03/12/2026");
    expect(formatDate("2026-12-03", "Pacific/Pago_Pago")).toBe("03/12/2026");
  });

  it("formats an instant in São Paulo by default", () => {
    expect(formatDate("2026-12-03T17:00:00Z")).toBe("03/12/2026");
    expect(formatDate("2026-12-04T02:00:00Z")).toBe("03/12/2026");
  });

  it("formats an instant in the given zone", () => {
    expect(formatDate("2026-12-04T02:00:00Z", "UTC")).toBe("04/12/2026");
  });
});

describe("formatTime", () => {
  it("keeps a bare clock time as it is, without seconds", () => {
    expect(formatTime("14:00:00")).toBe("14:00");
    expect(formatTime("09:30")).toBe("09:30");
    expect(formatTime("14:00:00", "Asia/Tokyo")).toBe("14:00");
  });

  it("formats an instant as São Paulo's 24-hour clock", () => {
    expect(formatTime("2026-12-03T17:00:00Z")).toBe("14:00");
    expect(formatTime("2026-12-04T01:05:00Z")).toBe("22:05");
  });

  it("writes midnight as 00:00", () => {
    expect(formatTime("2026-12-04T03:00:00Z")).toBe("00:00");
  });

  it("formats an instant in the given zone", () => {
    expect(formatTime("2026-12-03T17:00:00Z", "Europe/Lisbon")).toBe("17:00");
  });
});

describe("formatDateTime", () => {
  it("joins date and time of the same zone", () => {
    expect(formatDateTime("2026-12-03T17:00:00Z")).toBe("03/12/2026 14:00");
  });
});

describe("formatWeekday", () => {
  it("gives the short Portuguese weekday without a dot", () => {
    expect(formatWeekday("2026-12-07")).toBe("seg");
    expect(formatWeekday("2026-12-06")).toBe("dom");
  });
});

describe("localDay", () => {
  it("is São Paulo's calendar day, which lags UTC late in the evening", () => {
    expect(localDay("2026-12-04T02:30:00Z")).toBe("2026-12-03");
    expect(localDay("2026-12-04T03:00:00Z")).toBe("2026-12-04");
  });

  it("accepts a Date and another zone", () => {
    expect(localDay(new Date("2026-12-04T02:30:00Z"), "UTC")).toBe("2026-12-04");
  });
});

describe("addDays", () => {
  it("adds and subtracts days across month and year ends", () => {
    expect(addDays("2026-12-30", 3)).toBe("2027-01-02");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
  });
});

describe("weekStart", () => {
  it("is the Monday before a Sunday", () => {
    expect(weekStart("2026-12-06")).toBe("2026-11-30");
  });

  it("is the day itself for a Monday", () => {
    expect(weekStart("2026-12-07")).toBe("2026-12-07");
  });

  it("is the Monday before a midweek day", () => {
    expect(weekStart("2026-12-03")).toBe("2026-11-30");
  });
});

describe("offerLabel", () => {
  it("describes a percent offer", () => {
    expect(offerLabel({ offer: { type: "percent", value: 10 } })).toBe("10% de desconto");
  });

  it("describes an amount offer in reais", () => {
    expect(offerLabel({ offer: { type: "amount", value: 1500 } })).toBe("R$ 15,00 de desconto");
  });

  it("is null without an offer", () => {
    expect(offerLabel({ offer: null })).toBeNull();
    expect(offerLabel({})).toBeNull();
  });
});

describe("agentLabel", () => {
  it.each([
    ["prazo_certo", "Prazo Certo"],
    ["encher_agenda", "Encher Agenda"],
    ["chat", "Chat (IA)"],
    ["manual", "Manual"],
  ] as const)("names %s as %s", (agent, label) => {
    expect(agentLabel(agent)).toBe(label);
  });
});

describe("mediaLabel", () => {
  it.each([
    ["audio", "🎤 Áudio"],
    ["image", "📷 Imagem"],
    ["video", "🎬 Vídeo"],
    ["document", "📄 Documento"],
    ["location", "📍 Localização"],
    ["contacts", "👤 Contato"],
    ["sticker", "🙂 Figurinha"],
    ["interactive", "📎 Mensagem do tipo “interactive”"],
  ])("names %s as %s", (kind, label) => {
    expect(mediaLabel(kind)).toBe(label);
  });

  it("is empty for text", () => {
    expect([mediaLabel("text"), mediaLabel(undefined), mediaLabel(null)]).toEqual(["", "", ""]);
  });
});

describe("mapsLink", () => {
  it("opens the point on Google Maps", () => {
    expect(mapsLink({ latitude: -23.5614, longitude: -46.6559 })).toBe(
      "https://www.google.com/maps/search/?api=1&query=-23.5614,-46.6559",
    );
  });
});

describe("openingHoursByDay", () => {
  it("lists every weekday from Monday, its periods in order, closed days as fechado", () => {
    const days = openingHoursByDay([
      { weekday: 1, opens: "14:00:00", closes: "19:00:00" },
      { weekday: 1, opens: "09:00:00", closes: "12:00:00" },
      { weekday: 5, opens: "09:00", closes: "14:00" },
    ]);
    expect(days.map((d) => `${d.name}: ${d.hours}`)).toEqual([
      "segunda: fechado",
      "terça: 09:00–12:00 e 14:00–19:00",
      "quarta: fechado",
      "quinta: fechado",
      "sexta: fechado",
      "sábado: 09:00–14:00",
      "domingo: fechado",
    ]);
  });
});

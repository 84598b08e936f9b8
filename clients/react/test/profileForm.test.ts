import { describe, expect, it } from "vitest";
import { profileBody, profileChanged, profileErrors, profileForm } from "../console/profileForm";
import { ApiError } from "../src/api";
import { makeSalonProfileOut } from "./factories";

function refused(detail: unknown[]): ApiError {
  return new ApiError(422, "validation_error", detail);
}

describe("profileForm", () => {
  it("starts the hours editor from the hours in use when the owner set none", () => {
    const form = profileForm(makeSalonProfileOut());
    expect(form.own_hours).toBe(false);
    expect(form.hours).toEqual([
      { weekday: 0, opens: "09:00", closes: "18:00" },
      { weekday: 5, opens: "09:00", closes: "14:00" },
    ]);
  });

  it("shows the owner's own hours, unknown facts as blanks and the window as text", () => {
    const form = profileForm(
      makeSalonProfileOut({
        address: null,
        opening_hours: [{ weekday: 2, opens: "10:00:00", closes: "20:00:00" }],
        cancellation_policy: "Avise com antecedência",
        cancellation_window_h: 24,
      }),
    );
    expect(form).toMatchObject({
      address: "",
      own_hours: true,
      hours: [{ weekday: 2, opens: "10:00", closes: "20:00" }],
      cancellation_window_h: "24",
    });
  });
});

describe("profileBody", () => {
  it("sends blanks as null (unknown), never an empty string", () => {
    const form = { ...profileForm(makeSalonProfileOut()), address: "   ", parking: " Na rua " };
    const body = profileBody(form);
    expect(body.address).toBeNull();
    expect(body.parking).toBe("Na rua");
    expect(body.about).toBeNull();
    expect(body.cancellation_window_h).toBeNull();
  });

  it("follows the professionals' hours with null, and sends the owner's sorted by day and time", () => {
    const form = profileForm(makeSalonProfileOut());
    expect(profileBody(form).opening_hours).toBeNull();
    const own = {
      ...form,
      own_hours: true,
      hours: [
        { weekday: 3, opens: "14:00", closes: "18:00" },
        { weekday: 1, opens: "09:00", closes: "12:00" },
        { weekday: 3, opens: "08:00", closes: "12:00" },
      ],
    };
    expect(profileBody(own).opening_hours).toEqual([
      { weekday: 1, opens: "09:00", closes: "12:00" },
      { weekday: 3, opens: "08:00", closes: "12:00" },
      { weekday: 3, opens: "14:00", closes: "18:00" },
    ]);
  });

  it("sends no hours at all as [] (the chat then says it will check)", () => {
    const form = { ...profileForm(makeSalonProfileOut()), own_hours: true, hours: [] };
    expect(profileBody(form).opening_hours).toEqual([]);
  });

  it("lists payment methods once, in a fixed order, and the window as a number", () => {
    const form = {
      ...profileForm(makeSalonProfileOut()),
      payment_methods: ["cash" as const, "pix" as const],
      cancellation_window_h: "48",
    };
    expect(profileBody(form)).toMatchObject({ payment_methods: ["pix", "cash"], cancellation_window_h: 48 });
  });
});

describe("profileChanged", () => {
  it("is false for the stored profile and true after an edit", () => {
    const saved = makeSalonProfileOut();
    const form = profileForm(saved);
    expect(profileChanged(saved, form)).toBe(false);
    expect(profileChanged(saved, { ...form, parking: "Valet" })).toBe(true);
  });

  it("is false when only the shown hours of the professionals' mode differ", () => {
    const saved = makeSalonProfileOut();
    expect(profileChanged(saved, { ...profileForm(saved), hours: [] })).toBe(false);
  });

  it("is true when the owner takes the hours over unchanged (they become the salon's own)", () => {
    const saved = makeSalonProfileOut();
    expect(profileChanged(saved, { ...profileForm(saved), own_hours: true })).toBe(true);
  });
});

describe("profileErrors", () => {
  const sent = {
    maps_url: "maps.google.com/salao",
    opening_hours: [
      { weekday: 0, opens: "09:00", closes: "18:00" },
      { weekday: 5, opens: "14:00", closes: "09:00" },
    ],
  };

  it("says each refused field in Portuguese", () => {
    const error = refused([
      {
        loc: ["body", "maps_url"],
        msg: "String should match pattern '^https://\\S+$'",
        type: "string_pattern_mismatch",
      },
      {
        loc: ["body"],
        msg: "Value error, cancellation_window_h needs the cancellation_policy it applies",
        type: "value_error",
      },
      {
        loc: ["body", "opening_hours", 1],
        msg: "Value error, an opening period must close after it opens",
        type: "value_error",
      },
      {
        loc: ["body", "about"],
        msg: "String should have at most 500 characters",
        type: "string_too_long",
      },
      {
        loc: ["body", "cancellation_window_h"],
        msg: "Input should be less than or equal to 168",
        type: "less_than_equal",
      },
    ]);
    expect(profileErrors(error, sent)).toEqual([
      "Link do mapa: use um link que comece com https:// (sem espaços)",
      "o prazo só vale com uma política de cancelamento escrita",
      "Horário de sábado: o horário de fechar precisa ser depois do de abrir",
      "Sobre o salão: texto longo demais (no máximo 500 caracteres)",
      "Prazo da política de cancelamento: o máximo é 168",
    ]);
  });

  it("says a rule it does not know in Portuguese and keeps the back end's words", () => {
    const error = refused([{ loc: ["body", "parking"], msg: "Something new", type: "new_rule" }]);
    expect(profileErrors(error, sent)).toEqual(["Estacionamento: valor não aceito (Something new)"]);
  });

  it("says a refusal with a text detail as it is, staff's 403 and a failure plainly", () => {
    expect(profileErrors(new ApiError(422, "invalid_command", "perfil inválido"), sent)).toEqual([
      "perfil inválido",
    ]);
    expect(profileErrors(new ApiError(403, "forbidden", "owner only"), sent)).toEqual([
      "Só o dono do salão altera o perfil.",
    ]);
    expect(profileErrors(new ApiError(0, "network_error", "TypeError: Failed to fetch"), sent)).toEqual([
      "Tente de novo em instantes.",
    ]);
  });
});

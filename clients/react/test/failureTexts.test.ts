// Every failure code the back end can produce has a Portuguese sentence: the codes are read from the
// back end's own sources (and the generated API types), so a new code without a text fails here.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  API_ERROR_TEXTS,
  ApiError,
  CAMPAIGN_SKIP_TEXTS,
  DELIVERY_REASON_TEXTS,
  META_ERROR_TEXTS,
  apiErrorText,
  campaignSkipText,
  deliveryFailureCode,
  deliveryFailureText,
  errorCodeText,
  failureCode,
} from "../src";

const ROOT = join(import.meta.dirname, "..", "..", "..");
const source = (path: string) => readFileSync(join(ROOT, path), "utf8");
const all = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((m) => m[1] ?? "");

/** The `code`s of `{code, detail}` bodies, wherever the back end writes one. */
function backEndErrorCodes(): Set<string> {
  const codes = new Set(all(source("domain/errors.py"), /^\s+code = "(\w+)"/gm));
  for (const file of readdirSync(join(ROOT, "deployments")).filter((f) => f.endsWith(".py"))) {
    const text = source(join("deployments", file));
    for (const pattern of [
      /error_body\(\s*"(\w+)"/g, // error_body("store_unavailable", …)
      /"code": "(\w+)"/g, // {"code": "rate_limited", …}
      /_answer\(send, \d+, "(\w+)"/g, // request_guard's 413
      /\d{3}: "(\w+)"/g, // {401: "unauthorized", …}
      /status_code, "(\w+)"\)/g, // code.get(error.status_code, "http_error")
      /^\s+"(\w+)",\n\s+"[^"]*",\n\s+\),/gm, // COMMON_ERRORS's code lines
    ]) {
      for (const code of all(text, pattern)) codes.add(code);
    }
  }
  // The generated OpenAPI types carry each documented answer's example body.
  for (const code of all(source("clients/react/src/generated/api.ts"), /"code": "(\w+)"/g)) codes.add(code);
  return codes;
}

/** Meta's codes domain/delivery.py decides on. */
function metaCodes(): number[] {
  const text = source("domain/delivery.py");
  const named = all(text, /^(?:OUTSIDE_WINDOW|MARKETING_LIMIT|STOPPED_MARKETING) = (\d+)/gm);
  const undeliverable = all(/^UNDELIVERABLE = \{([\s\S]*?)^\}/m.exec(text)?.[1] ?? "", /(\d+):/g);
  const sets = all(text, /^(?:TEMPLATE_REFUSED|THROTTLED) = frozenset\(\{([^}]*)\}\)/gm).flatMap((list) =>
    list.split(",").map((n) => n.trim()),
  );
  return [...named, ...undeliverable, ...sets].map(Number);
}

describe("API error codes", () => {
  const codes = backEndErrorCodes();

  it("finds the back end's codes (the patterns still match its sources)", () => {
    for (const known of ["slot_taken", "invalid_template", "store_unavailable", "rate_limited"]) {
      expect(codes).toContain(known);
    }
    for (const known of ["body_too_large", "method_not_allowed", "http_error", "validation_error"]) {
      expect(codes).toContain(known);
    }
  });

  it("has a Portuguese sentence for every code the back end produces", () => {
    const missing = [...codes].filter((code) => !Object.hasOwn(API_ERROR_TEXTS, code));
    expect(missing).toEqual([]);
  });

  it("says each code differently from the others where it matters", () => {
    expect(errorCodeText("slot_taken")).not.toEqual(errorCodeText("slot_passed"));
    expect(errorCodeText("unknown_code")).toBeNull();
  });

  it("tells an ApiError by its code and keeps the code for support", () => {
    const error = new ApiError(409, "slot_taken", "that time was just taken");
    expect(apiErrorText(error)).toBe("Esse horário acabou de ser ocupado. Escolha outro.");
    expect(failureCode(error)).toBe("slot_taken (409)");
    expect(failureCode(new ApiError(0, "network_error", "TypeError"))).toBe("network_error");
  });

  it("tells a status without our code by the status", () => {
    expect(apiErrorText(new ApiError(502, "http_502", "Bad Gateway"))).toBe(
      API_ERROR_TEXTS.store_unavailable,
    );
    expect(apiErrorText(new ApiError(418, "teapot", ""))).toBe(API_ERROR_TEXTS.http_error);
  });

  it("falls back for what is no ApiError", () => {
    expect(apiErrorText(new Error("boom"), "Falhou.")).toBe("Falhou.");
  });
});

describe("WhatsApp delivery failures", () => {
  it("finds Meta's codes in domain/delivery.py", () => {
    expect(metaCodes()).toEqual(expect.arrayContaining([131047, 131049, 131050, 131026, 132000, 130429]));
  });

  it("has a Portuguese sentence for every Meta code the sender understands", () => {
    const missing = metaCodes().filter((code) => !META_ERROR_TEXTS[code]);
    expect(missing).toEqual([]);
  });

  it("has a sentence for every reason the outbox skips a message for", () => {
    const sql = /CASE WHEN m\.kind([\s\S]*?)END AS skip_reason/.exec(source("db/outbox.py"))?.[1] ?? "";
    const reasons = all(sql, /THEN '(\w+)'/g);
    expect(reasons).toContain("appointment_changed");
    expect(reasons.filter((r) => !DELIVERY_REASON_TEXTS[r])).toEqual([]);
  });

  it("prefers Meta's code over the English reason", () => {
    const failure = { reason: "WhatsApp could not deliver to this number (131026)", error_code: 131026 };
    expect(deliveryFailureText(failure)).toMatch(/não conseguiu entregar para esse número/);
    expect(deliveryFailureCode(failure)).toBe("WhatsApp could not deliver to this number (131026) [131026]");
  });

  it("names an unknown Meta code and never shows English", () => {
    const text = deliveryFailureText({
      reason: "WhatsApp did not deliver it (470: Message failed)",
      error_code: 470,
    });
    expect(text).toBe("O WhatsApp não entregou a mensagem (código 470).");
    expect(deliveryFailureText({ reason: "n8n answered HTTP 500", attempts: 6 })).toBe(
      "O serviço de envio do WhatsApp não respondeu.",
    );
    expect(deliveryFailureText({ reason: "something new", attempts: 6 })).toBe(
      "A mensagem não pôde ser enviada pelo WhatsApp depois de 6 tentativas.",
    );
  });

  it("tells the sender's own reasons", () => {
    expect(deliveryFailureText({ reason: "outside the 24 h window and no template for this offer" })).toMatch(
      /não há modelo aprovado/,
    );
    expect(deliveryFailureText({ reason: "appointment_changed" })).toMatch(/lembrete não foi enviado/);
  });
});

describe("campaign skip reasons", () => {
  it("has a text for every SkipReason of domain/recall.py", () => {
    const literal = /^SkipReason = Literal\[([\s\S]*?)\]/m.exec(source("domain/recall.py"))?.[1] ?? "";
    const reasons = all(literal, /"(\w+)"/g);
    expect(reasons).toContain("run_limit");
    expect(reasons.filter((r) => !CAMPAIGN_SKIP_TEXTS[r])).toEqual([]);
    expect(campaignSkipText("something_new")).toBe("Outro motivo");
  });
});

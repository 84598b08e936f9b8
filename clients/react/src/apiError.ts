// A refused call as one error type: the back end's `{code, detail}` body, or the transport's failure.

/** A refused call: the back end's `{code, detail}` body, or the transport's failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: unknown,
  ) {
    super(typeof detail === "string" ? detail : `${status} ${code}`);
    this.name = "ApiError";
  }

  get unauthorized(): boolean {
    return this.status === 401;
  }
}

/** What an openapi-fetch call answers: `data` for a 2xx, `error` (the parsed body, or its text) otherwise. */
export interface FetchAnswer {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** The data of an answer's success member (openapi-fetch types it as `data` required there). */
export type DataOf<A> = A extends { data: infer D } ? D : never;

/**
 * The data of a successful openapi-fetch call, or an `ApiError`: the body's `code` and `detail`
 * (`http_<status>` and the body's text when it has no code), status 0 `network_error` when
 * there was no answer at all.
 */
export async function unwrap<A extends FetchAnswer>(pending: Promise<A>): Promise<DataOf<A>> {
  let answer: FetchAnswer;
  try {
    answer = await pending;
  } catch (error) {
    throw new ApiError(0, "network_error", String(error));
  }
  if (answer.response.ok) return answer.data as DataOf<A>;
  const status = answer.response.status;
  const body = answer.error;
  const { code, detail } = (typeof body === "object" && body !== null ? body : {}) as {
    code?: unknown;
    detail?: unknown;
  };
  throw new ApiError(status, typeof code === "string" ? code : `http_${status}`, detail ?? body ?? "");
}

/** One field the back end refused (422 `validation_error`): `field` without the leading "body". */
export interface FieldProblem {
  /** `["maps_url"]`, `["opening_hours", 0]`; `[]` for the body as a whole. */
  field: (string | number)[];
  /** The back end's words (pydantic's "Value error, " prefix dropped). */
  message: string;
  /** pydantic's error type: `string_pattern_mismatch`, `value_error`, … */
  type: string;
}

/** The fields a 422 refused, one per problem; [] for any other error. */
export function validationProblems(error: unknown): FieldProblem[] {
  if (!(error instanceof ApiError) || error.status !== 422 || !Array.isArray(error.detail)) return [];
  return error.detail.flatMap((item: unknown) => {
    if (typeof item !== "object" || item === null) return [];
    const { loc, msg, type } = item as { loc?: unknown; msg?: unknown; type?: unknown };
    const path = Array.isArray(loc) ? loc.filter((p) => typeof p === "string" || typeof p === "number") : [];
    return [
      {
        field: path[0] === "body" ? path.slice(1) : path,
        message: String(msg ?? "").replace(/^Value error, /, ""),
        type: String(type ?? ""),
      },
    ];
  });
}

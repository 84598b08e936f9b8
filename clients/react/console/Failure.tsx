// A failure as the console shows it: the owner's sentence, and the back end's code in a tooltip for
// support (`slot_taken (409)`).
import { apiErrorText, failureCode } from "../src";

export interface Failure {
  text: string;
  code?: string | undefined;
}

/** The sentence for a failed call (`fallback` when it is no ApiError), with its code. */
export function failureOf(error: unknown, fallback?: string): Failure {
  return { text: apiErrorText(error, fallback), code: failureCode(error) };
}

export function FailureNote({ failure, testId }: { failure: Failure | null; testId?: string }) {
  if (!failure) return null;
  return (
    <p className="error" role="alert" title={failure.code} data-code={failure.code} data-testid={testId}>
      {failure.text}
    </p>
  );
}

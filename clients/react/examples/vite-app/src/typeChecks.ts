// Not part of the app: `tsc -b` fails if the installed kit stops checking calls against the
// back end's OpenAPI types (each line below must stay a type error).
import { createApiClient } from "@agenda-cheia/react";

export async function refusedByTheTypes(): Promise<unknown> {
  const api = createApiClient({ baseUrl: "https://agenda.example.com", token: "t" });
  // @ts-expect-error: no such path
  await api.http.GET("/api/v1/nowhere");
  // @ts-expect-error: `search` is a string
  await api.http.GET("/api/v1/clients", { params: { query: { search: 42 } } });
  // @ts-expect-error: not a decision the back end takes
  await api.decideAuthRequest("r1", "maybe");
  const session = await api.session();
  // @ts-expect-error: the answer has no such field
  return session.password;
}

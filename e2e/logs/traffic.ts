import { createDirectory, scimClient, type TestServer } from "../support/server";

const CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";
const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

export type SentRequest = { method: string; status: number; directoryId: string | null };

/**
 * Plays Entra- and Okta-shaped provisioning through the real endpoint and returns each request
 * as it should show in the log, oldest first, plus the ids the tests look up again. Shared by
 * the vitest and Playwright suites, so it throws rather than using either's assertions.
 */
export async function playTraffic(server: TestServer) {
  const entra = createDirectory(server, "entra", "Contoso Entra");
  const okta = createDirectory(server, "okta", "Acme Okta");
  const sent: SentRequest[] = [];
  const send = (directory: typeof entra | null, token: string) => {
    const client = scimClient(server, token);
    return async (method: string, path: string, body?: unknown, expected?: number) => {
      const response = await client(method, path, body);
      if (expected !== undefined && response.status !== expected) {
        throw new Error(`${method} ${path} answered ${response.status}, not ${expected}`);
      }
      sent.push({ method, status: response.status, directoryId: directory?.directoryId ?? null });
      return response;
    };
  };
  const toEntra = send(entra, entra.token);
  const toOkta = send(okta, okta.token);

  const grace = await toEntra(
    "POST",
    "/Users",
    {
      schemas: [CORE_USER, ENTERPRISE],
      userName: "grace@contoso.example",
      active: "True",
      name: { givenName: "Grace", familyName: "Hopper" },
      [ENTERPRISE]: { department: "Navy" },
    },
    201,
  );
  const graceId = String(grace.body?.id);
  const patchGrace = (Operations: unknown[], expected: number) =>
    toEntra("PATCH", `/Users/${graceId}`, { schemas: [PATCH_OP], Operations }, expected);
  await patchGrace([{ op: "Replace", path: "title", value: "Rear Admiral" }], 204);
  await patchGrace([{ op: "replace", path: "userName", value: "" }], 400);
  const group = await toEntra("POST", "/Groups", { displayName: "Admirals", members: [] }, 201);
  const groupId = String(group.body?.id);
  await toEntra(
    "PATCH",
    `/Groups/${groupId}`,
    {
      schemas: [PATCH_OP],
      Operations: [{ op: "Add", path: "members", value: [{ value: graceId }] }],
    },
    204,
  );
  await toEntra(
    "GET",
    `/users?filter=${encodeURIComponent('userName eq "grace@contoso.example"')}`,
    undefined,
    200,
  );

  const ada = await toOkta(
    "POST",
    "/Users",
    {
      schemas: [CORE_USER],
      userName: "=SUM(1,2)@acme.example",
      active: true,
      name: { givenName: "Ada" },
    },
    201,
  );
  const adaId = String(ada.body?.id);
  await toOkta("GET", `/Users/${adaId}`, undefined, 200);
  await toOkta("GET", "/Users/00000000-0000-4000-8000-000000000000", undefined, 404);
  await toOkta(
    "PATCH",
    `/Users/${adaId}`,
    { schemas: [PATCH_OP], Operations: [{ op: "replace", value: { active: false } }] },
    200,
  );
  await send(null, "rst_not-a-real-token")("GET", "/Users", undefined, 401);

  return { sent, entra, okta, graceId, groupId, adaId };
}

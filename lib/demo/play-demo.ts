import type { Db } from "@/db/client";
import { CLI_ACTOR } from "@/lib/audit/record-audit";
import { addDirectory } from "@/lib/dashboard/manage-directories";
import { playEntra } from "./entra-traffic";
import { playOkta } from "./okta-traffic";
import { scimCaller, type ScimCaller } from "./scim-caller";

const USERS_PER_DIRECTORY = 24;

async function assertServerUp(baseUrl: string): Promise<void> {
  const healthy = await fetch(`${baseUrl}/api/health`)
    .then((response) => response.ok)
    .catch(() => false);
  if (!healthy) {
    throw new Error(
      `No Roster answers at ${baseUrl}. ` +
        "Start it with `npm start` (same DATABASE_PATH), or pass --url.",
    );
  }
}

/** A few requests a server must refuse: a duplicate, a bad filter, a missing user, a bad token. */
async function playMistakes({ call }: ScimCaller): Promise<void> {
  const users = await call("GET", "/Users?count=1");
  const first = Array.isArray(users.body.Resources)
    ? (users.body.Resources[0] as Record<string, unknown>)
    : undefined;
  if (first)
    await call("POST", "/Users", {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
      userName: first.userName,
    });
  await call("GET", `/Users?filter=${encodeURIComponent('userName eq "unterminated')}`);
  await call("PATCH", "/Users/00000000-0000-0000-0000-000000000000", {
    schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
    Operations: [{ op: "replace", path: "active", value: false }],
  });
  await call("GET", "/Users", undefined, "rst_not-a-real-token");
}

/**
 * Creates an Entra-like and an Okta-like directory and plays provisioning traffic through the
 * running server's real SCIM endpoint, so every page of the dashboard has something to show.
 */
export async function playDemo(db: Db, baseUrl: string) {
  await assertServerUp(baseUrl);
  const entra = addDirectory(db, CLI_ACTOR, {
    name: "Northwind (demo)",
    provider: "entra",
  });
  const okta = addDirectory(db, CLI_ACTOR, { name: "Globex (demo)", provider: "okta" });

  const entraCaller = scimCaller(baseUrl, entra.token, "Azure Active Directory SCIM Client");
  const oktaCaller = scimCaller(baseUrl, okta.token, "Okta SCIM Client 1.0.0");
  await playEntra(entraCaller, USERS_PER_DIRECTORY);
  await playOkta(oktaCaller, USERS_PER_DIRECTORY);
  await playMistakes(oktaCaller);

  return {
    directories: [
      {
        id: entra.directory.id,
        name: entra.directory.name,
        provider: "entra",
        ...entraCaller.tally,
      },
      { id: okta.directory.id, name: okta.directory.name, provider: "okta", ...oktaCaller.tally },
    ],
    dashboard: baseUrl,
  };
}

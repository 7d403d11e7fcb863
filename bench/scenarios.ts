import type autocannon from "autocannon";

export type Scenario = {
  name: string;
  /** Share of the health route's rate this operation should reach, where the issue sets one. */
  target?: number;
  requests: autocannon.Request[];
};

export type Fixtures = {
  token: string;
  users: { id: string; userName: string }[];
  groupIds: string[];
};

const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
const USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";

function sample<T>(items: readonly T[]): T {
  const item = items[Math.floor(Math.random() * items.length)];
  if (item === undefined) throw new Error("No fixtures to sample from");
  return item;
}

const patchBody = (Operations: unknown[]) => JSON.stringify({ schemas: [PATCH_OP], Operations });

/** The operations an IdP sync consists of, each as one autocannon request shape. */
export function scimScenarios(fixtures: Fixtures): Scenario[] {
  const headers = {
    Authorization: `Bearer ${fixtures.token}`,
    "Content-Type": "application/scim+json",
  };
  let created = 0;
  const lookup = () => encodeURIComponent(`userName eq "${sample(fixtures.users).userName}"`);
  return [
    { name: "GET /api/health", requests: [{ method: "GET", path: "/api/health" }] },
    {
      name: "userName filter lookup",
      target: 0.8,
      requests: [
        {
          method: "GET",
          headers,
          setupRequest: (req) => ({ ...req, path: `/scim/v2/Users?filter=${lookup()}` }),
        },
      ],
    },
    {
      name: "list page (100 users)",
      requests: [
        {
          method: "GET",
          headers,
          setupRequest: (req) => {
            const startIndex = 1 + Math.floor(Math.random() * 1000);
            return { ...req, path: `/scim/v2/Users?startIndex=${startIndex}&count=100` };
          },
        },
      ],
    },
    {
      name: "create user",
      target: 0.6,
      requests: [
        {
          method: "POST",
          path: "/scim/v2/Users",
          headers,
          setupRequest: (req) => {
            created += 1;
            const userName = `bench.${process.pid}.${Date.now()}.${created}@example.com`;
            const body = {
              schemas: [USER_SCHEMA],
              userName,
              active: true,
              displayName: `Bench ${created}`,
              name: { givenName: "Bench", familyName: String(created) },
              emails: [{ value: userName, type: "work", primary: true }],
            };
            return { ...req, body: JSON.stringify(body) };
          },
        },
      ],
    },
    {
      name: "PATCH user",
      target: 0.6,
      requests: [
        {
          method: "PATCH",
          headers,
          setupRequest: (req) => ({
            ...req,
            path: `/scim/v2/Users/${sample(fixtures.users).id}`,
            body: patchBody([{ op: "Replace", path: "title", value: `Title ${Math.random()}` }]),
          }),
        },
      ],
    },
    {
      name: "group membership PATCH",
      target: 0.6,
      requests: [
        {
          method: "PATCH",
          headers,
          setupRequest: (req) => ({
            ...req,
            path: `/scim/v2/Groups/${sample(fixtures.groupIds)}`,
            body: patchBody([
              { op: "Add", path: "members", value: [{ value: sample(fixtures.users).id }] },
            ]),
          }),
        },
      ],
    },
  ];
}

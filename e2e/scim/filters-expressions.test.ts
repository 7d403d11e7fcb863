import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDirectory, scimClient, startServer, type TestServer } from "../support/server";
import { PEOPLE, seedPeople, userNamesFor, type Person, type SeededPerson } from "./filters-people";
import {
  URN,
  bodyOf,
  createUser,
  filterQuery,
  userNamesOf,
  type ScimRequest,
} from "./provisioning-helpers";

const DEPARTMENT = `${URN.enterprise}:department`;

let server: TestServer;
let request: ScimRequest;
let seeded: Record<Person, SeededPerson>;
let accented: ScimRequest;

beforeAll(async () => {
  server = await startServer();
  request = scimClient(server, createDirectory(server, "generic").token);
  seeded = await seedPeople(request);
  accented = scimClient(server, createDirectory(server, "generic", "Accented").token);
  await createUser(accented, {
    userName: "Émilie.Ölund@exemple.fr",
    displayName: "Émilie Ölund",
    name: { givenName: "Émilie", familyName: "Ölund" },
    title: "CHEF DE PROJET ÉTUDES",
  });
});

afterAll(async () => {
  await server?.stop();
});

async function matching(filter: string, client = request): Promise<string[]> {
  const response = await client("GET", `/Users?${filterQuery(filter)}&count=100`);
  expect(response.status, response.text).toBe(200);
  const body = bodyOf(response);
  const names = userNamesOf(response);
  expect(body.totalResults).toBe(names.length);
  expect(body.itemsPerPage).toBe(names.length);
  return names.sort();
}

type FilterCase = [filter: string, expected: Person[]];

const OPERATOR_CASES: FilterCase[] = [
  ['userName eq "grace.hopper@example.com"', ["grace"]],
  ['userName eq "ADA.LOVELACE@EXAMPLE.COM"', ["ada"]],
  ['USERNAME eq "grace.hopper@example.com"', ["grace"]],
  ['userName eq "nobody@example.com"', []],
  ['userName ne "grace.hopper@example.com"', ["ada", "alan", "katherine", "edsger"]],
  ['userName co "HOPPER"', ["grace"]],
  ['userName sw "a"', ["ada", "alan"]],
  ['userName ew ".ORG"', ["alan", "katherine"]],
  ['userName gt "edsger.dijkstra@example.net"', ["grace", "katherine"]],
  ['userName ge "grace.hopper@example.com"', ["grace", "katherine"]],
  ['userName lt "B"', ["ada", "alan"]],
  ['userName le "alan.turing@example.org"', ["ada", "alan"]],
  ["title pr", ["ada", "grace", "alan", "edsger"]],
  ['title eq "professor"', ["edsger"]],
  ['displayName eq "alan turing"', ["alan"]],
  ['externalId eq "EXT-ada"', ["ada"]],
  ['externalId eq "ext-ada"', []],
  ['externalId sw "ext-"', ["grace", "katherine"]],
  ["externalId pr", ["ada", "grace", "alan", "katherine"]],
  ["active eq true", ["ada", "grace", "katherine", "edsger"]],
  ["active eq false", ["alan"]],
  ["active ne true", ["alan"]],
];

const ATTRIBUTE_CASES: FilterCase[] = [
  ['name.familyName eq "turing"', ["alan"]],
  ['name.familyName sw "J"', ["katherine"]],
  ["name.givenName pr", ["ada", "grace", "alan", "katherine"]],
  ['emails[type eq "work" and value co "@analytical"]', ["ada"]],
  ['emails[type eq "work"]', ["ada", "grace", "katherine"]],
  ["emails[primary eq true]", ["ada", "grace", "katherine"]],
  ['emails.value co "analytical"', ["ada", "katherine"]],
  ['emails.type eq "home"', ["ada", "alan"]],
  ["emails pr", ["ada", "grace", "alan", "katherine"]],
  [`${DEPARTMENT} eq "Engineering"`, ["ada", "alan"]],
  [`${DEPARTMENT} eq "engineering"`, ["ada", "alan"]],
  [`${URN.enterprise}:employeeNumber pr`, ["ada", "grace", "alan", "katherine"]],
];

const LOGICAL_CASES: FilterCase[] = [
  ["title pr and active eq true", ["ada", "grace", "edsger"]],
  ['name.familyName eq "Hopper" or name.familyName eq "Turing"', ["grace", "alan"]],
  ['userName sw "a" or userName sw "g" and active eq false', ["ada", "alan"]],
  ['(userName sw "a" or userName sw "g") and active eq true', ["ada", "grace"]],
  [
    `(${DEPARTMENT} eq "Engineering" or ${DEPARTMENT} eq "Research") and active eq true`,
    ["ada", "katherine"],
  ],
  ["not (title pr)", ["katherine"]],
  ["not (active eq true)", ["alan"]],
  ['not (userName ew ".org") and title pr', ["ada", "grace", "edsger"]],
  ['emails[type eq "home"] and active eq false', ["alan"]],
  ['userName SW "a" AND active EQ true', ["ada"]],
];

describe("user filters", () => {
  it.each([...OPERATOR_CASES, ...ATTRIBUTE_CASES, ...LOGICAL_CASES])(
    "%s matches exactly %j",
    async (filter, expected) => {
      expect(await matching(filter)).toEqual(userNamesFor(expected).sort());
    },
  );
});

type DynamicCase = [title: string, filter: () => string, expected: Person[]];

const DYNAMIC_CASES: DynamicCase[] = [
  ["id eq <ada's id>", () => `id eq "${seeded.ada.id}"`, ["ada"]],
  [
    "meta.lastModified gt <alan's write>",
    () => `meta.lastModified gt "${seeded.alan.lastModified}"`,
    ["katherine", "edsger"],
  ],
  [
    "meta.lastModified ge <alan's write>",
    () => `meta.lastModified ge "${seeded.alan.lastModified}"`,
    ["alan", "katherine", "edsger"],
  ],
  [
    "meta.created lt <alan's write>",
    () => `meta.created lt "${seeded.alan.created}"`,
    ["ada", "grace"],
  ],
];

describe("filters on server-assigned values", () => {
  it.each(DYNAMIC_CASES)("%s matches exactly %j", async (_title, filter, expected) => {
    expect(await matching(filter())).toEqual(userNamesFor(expected).sort());
  });

  it("has seeded every person with the attributes the tables rely on", async () => {
    const response = await request("GET", "/Users?count=100");

    expect(userNamesOf(response).sort()).toEqual(
      Object.values(PEOPLE)
        .map((person) => person.userName)
        .sort(),
    );
  });
});

describe("case-insensitive filters beyond ASCII", () => {
  it.each([
    'userName eq "ÉMILIE.ÖLUND@EXEMPLE.FR"',
    'displayName co "ÖLUND"',
    'name.familyName eq "ölund"',
    'name.givenName sw "ÉMI"',
    'title eq "chef de projet études"',
    'title ew "Études"',
  ])("%s matches the accented user", async (filter) => {
    expect(await matching(filter, accented)).toEqual(["Émilie.Ölund@exemple.fr"]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDirectory, scimClient, startServer, type TestServer } from "../support/server";
import { PEOPLE, seedPeople, userNamesFor, type Person } from "./filters-people";
import {
  URN,
  asJson,
  bodyOf,
  createGroup,
  filterQuery,
  getJson,
  resourcesOf,
  userNamesOf,
  type ScimRequest,
  type ScimResponse,
} from "./provisioning-helpers";

const BY_USER_NAME: Person[] = ["ada", "alan", "edsger", "grace", "katherine"];
const BIG_DIRECTORY_USERS = 1100;

let server: TestServer;
let request: ScimRequest;
let bigRequest: ScimRequest;

beforeAll(async () => {
  server = await startServer();
  request = scimClient(server, createDirectory(server, "generic").token);
  await seedPeople(request);
  await createGroup(request, { displayName: "Analysts" });
  const big = createDirectory(server, "generic", "Big directory");
  const users = String(BIG_DIRECTORY_USERS);
  server.cli("seed", "--directory", big.directoryId, "--users", users, "--groups", "0");
  bigRequest = scimClient(server, big.token);
});

afterAll(async () => {
  await server?.stop();
});

function expectPage(response: ScimResponse, totalResults: number, startIndex: number): void {
  expect(response.status, response.text).toBe(200);
  const body = bodyOf(response);
  expect(body.schemas).toEqual([URN.listResponse]);
  expect(body.totalResults).toBe(totalResults);
  expect(body.startIndex).toBe(startIndex);
  expect(body.itemsPerPage).toBe(resourcesOf(response).length);
}

type PageCase = [query: string, startIndex: number, expected: Person[]];

const PAGE_CASES: PageCase[] = [
  ["startIndex=1&count=2", 1, ["ada", "alan"]],
  ["startIndex=3&count=2", 3, ["edsger", "grace"]],
  ["startIndex=5&count=2", 5, ["katherine"]],
  ["startIndex=6&count=2", 6, []],
  ["startIndex=0&count=2", 1, ["ada", "alan"]],
  ["startIndex=-4&count=2", 1, ["ada", "alan"]],
  ["startIndex=2", 2, ["alan", "edsger", "grace", "katherine"]],
  ["count=-1", 1, []],
];

describe("list paging", () => {
  it.each(PAGE_CASES)("%s answers startIndex %i with %j", async (query, startIndex, expected) => {
    const response = await request("GET", `/Users?sortBy=userName&${query}`);

    expectPage(response, 5, startIndex);
    expect(userNamesOf(response)).toEqual(userNamesFor(expected));
  });

  it("answers count=0 with totalResults and no resources", async () => {
    const response = await request("GET", "/Users?count=0");

    expectPage(response, 5, 1);
    expect(resourcesOf(response)).toEqual([]);
    expect(bodyOf(response).itemsPerPage).toBe(0);
  });

  it("pages through the default order without repeating or skipping anyone", async () => {
    const pages = await Promise.all(
      [1, 3, 5].map((startIndex) => request("GET", `/Users?startIndex=${startIndex}&count=2`)),
    );

    const names = pages.flatMap((page) => userNamesOf(page));
    expect(names.sort()).toEqual(userNamesFor(BY_USER_NAME).sort());
  });

  it("caps a count above the advertised maximum instead of refusing it", async () => {
    const config = await getJson(bigRequest, "/ServiceProviderConfig");
    const maxResults = asJson(config.filter, "filter").maxResults;
    expect(maxResults).toBeLessThan(BIG_DIRECTORY_USERS);

    const response = await bigRequest("GET", "/Users?count=5000&attributes=userName");

    expectPage(response, BIG_DIRECTORY_USERS, 1);
    expect(bodyOf(response).itemsPerPage).toBe(maxResults);
  });
});

type SortCase = [query: string, expected: Person[]];

const SORT_CASES: SortCase[] = [
  ["sortBy=userName", BY_USER_NAME],
  ["sortBy=userName&sortOrder=ascending", BY_USER_NAME],
  ["sortBy=userName&sortOrder=descending", [...BY_USER_NAME].reverse()],
  ["sortBy=name.familyName", ["edsger", "grace", "katherine", "ada", "alan"]],
  [`sortBy=${URN.enterprise}:employeeNumber`, ["ada", "grace", "alan", "katherine", "edsger"]],
  ["sortBy=title", ["alan", "ada", "edsger", "grace", "katherine"]],
  ["sortBy=title&sortOrder=descending", ["katherine", "grace", "edsger", "ada", "alan"]],
  ["sortBy=emails", ["ada", "alan", "grace", "katherine", "edsger"]],
];

describe("list sorting", () => {
  it.each(SORT_CASES)("%s orders the users %j", async (query, expected) => {
    const response = await request("GET", `/Users?${query}`);

    expectPage(response, 5, 1);
    expect(userNamesOf(response)).toEqual(userNamesFor(expected));
  });
});

describe("attribute projection", () => {
  it("returns only id, schemas and userName for attributes=userName", async () => {
    const response = await request("GET", "/Users?attributes=userName");

    expectPage(response, 5, 1);
    for (const user of resourcesOf(response)) {
      expect(Object.keys(user).sort()).toEqual(["id", "schemas", "userName"]);
    }
  });

  it("returns only the named sub-attribute for attributes=name.familyName", async () => {
    const response = await request("GET", `/Users?attributes=name.familyName&sortBy=userName`);

    expect(resourcesOf(response).map((user) => user.name)).toEqual(
      BY_USER_NAME.map((person) => ({ familyName: PEOPLE[person].name.familyName })),
    );
  });

  it("returns only the named extension attribute for a URN-qualified attribute", async () => {
    const response = await request("GET", `/Users?attributes=${URN.enterprise}:department`);

    for (const user of resourcesOf(response)) {
      const extension = user[URN.enterprise];
      if (extension === undefined) continue;
      expect(Object.keys(asJson(extension))).toEqual(["department"]);
    }
    const withDepartment = resourcesOf(response).filter((user) => URN.enterprise in user);
    expect(withDepartment).toHaveLength(4);
  });

  it("leaves out emails and keeps the rest for excludedAttributes=emails", async () => {
    const response = await request("GET", "/Users?excludedAttributes=emails");

    expectPage(response, 5, 1);
    for (const user of resourcesOf(response)) {
      expect(user).not.toHaveProperty("emails");
      expect(user).toHaveProperty("userName");
      expect(user).toHaveProperty("meta");
    }
  });

  it("applies attributes to GET by id as well", async () => {
    const listed = await request("GET", `/Users?${filterQuery('userName sw "grace"')}`);
    const id = String(resourcesOf(listed)[0]?.id);

    const user = await getJson(request, `/Users/${id}?attributes=displayName`);

    expect(user).toEqual({ schemas: [URN.user, URN.enterprise], id, displayName: "Grace Hopper" });
  });
});

describe("POST .search", () => {
  it("answers /Users/.search like the equivalent GET", async () => {
    const search = {
      schemas: [URN.searchRequest],
      filter: 'userName sw "a"',
      sortBy: "userName",
      sortOrder: "descending",
      startIndex: 1,
      count: 10,
      attributes: ["userName"],
    };

    const response = await request("POST", "/Users/.search", search);

    expectPage(response, 2, 1);
    expect(userNamesOf(response)).toEqual(userNamesFor(["alan", "ada"]));
    const query = `${filterQuery(search.filter)}&sortBy=userName&sortOrder=descending`;
    const viaGet = await request("GET", `/Users?${query}&attributes=userName`);
    expect(bodyOf(response)).toEqual(bodyOf(viaGet));
  });

  it("searches users and groups together at the root", async () => {
    const search = { schemas: [URN.searchRequest], filter: 'displayName sw "A"' };

    const response = await request("POST", "/.search", search);

    expectPage(response, 3, 1);
    const names = resourcesOf(response).map((resource) => resource.displayName);
    expect(names.sort()).toEqual(["Ada Lovelace", "Alan Turing", "Analysts"]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDirectory, scimClient, startServer, type TestServer } from "../support/server";
import {
  URN,
  bodyOf,
  createGroup,
  createUser,
  expectScimError,
  resourcesOf,
  type Json,
  type ScimRequest,
  type ScimResponse,
} from "./provisioning-helpers";

let server: TestServer;
let request: ScimRequest;

beforeAll(async () => {
  server = await startServer();
  request = scimClient(server, createDirectory(server, "generic").token);
  await createUser(request, { userName: "alice@example.com", displayName: "Alice Liddell" });
  await createUser(request, { userName: "carol@example.com", displayName: "Carol Shaw" });
  await createUser(request, { userName: "eve@example.com" });
  await createGroup(request, { displayName: "Amx Admins" });
  await createGroup(request, { displayName: "Bletchley" });
  await createGroup(request, { displayName: "Dartmouth" });
});

afterAll(async () => {
  await server?.stop();
});

function search(body: Json): Promise<ScimResponse> {
  return request("POST", "/.search", { schemas: [URN.searchRequest], ...body });
}

/** Each resource as `Type:name`, its name the userName of a user or displayName of a group. */
function labelsOf(response: ScimResponse): string[] {
  expect(response.status, response.text).toBe(200);
  return resourcesOf(response).map((resource) => {
    const type = String((resource.meta as Json | undefined)?.resourceType);
    return `${type}:${String(type === "User" ? resource.userName : resource.displayName)}`;
  });
}

describe("POST /.search", () => {
  it("matches a group on displayName when the filter also names userName", async () => {
    const response = await search({
      filter: 'userName sw "alice" or displayName sw "Amx"',
      sortBy: "meta.resourceType",
    });

    expect(bodyOf(response).totalResults).toBe(2);
    expect(labelsOf(response)).toEqual(["Group:Amx Admins", "User:alice@example.com"]);
    const unknown = await search({ filter: 'userName sw "alice" or nickname2 eq "x"' });
    expect(expectScimError(unknown, 400, "invalidFilter").detail).toMatch(/nickname2/);
  });

  it("sorts by an attribute only users have, groups last ascending", async () => {
    const response = await search({ sortBy: "userName" });

    expect(bodyOf(response).totalResults).toBe(6);
    expect(labelsOf(response)).toEqual([
      "User:alice@example.com",
      "User:carol@example.com",
      "User:eve@example.com",
      "Group:Amx Admins",
      "Group:Bletchley",
      "Group:Dartmouth",
    ]);
  });

  it("pages through a descending sort across both types", async () => {
    const pages = [1, 3, 5].map((startIndex) =>
      search({ sortBy: "displayName", sortOrder: "descending", startIndex, count: 2 }),
    );

    const bodies = (await Promise.all(pages)).map((page) => ({
      totalResults: bodyOf(page).totalResults,
      startIndex: bodyOf(page).startIndex,
      itemsPerPage: bodyOf(page).itemsPerPage,
      labels: labelsOf(page),
    }));
    expect(bodies).toEqual([
      {
        totalResults: 6,
        startIndex: 1,
        itemsPerPage: 2,
        labels: ["User:eve@example.com", "Group:Dartmouth"],
      },
      {
        totalResults: 6,
        startIndex: 3,
        itemsPerPage: 2,
        labels: ["User:carol@example.com", "Group:Bletchley"],
      },
      {
        totalResults: 6,
        startIndex: 5,
        itemsPerPage: 2,
        labels: ["Group:Amx Admins", "User:alice@example.com"],
      },
    ]);
  });

  it.each([
    ["a complex sortBy", { sortBy: "name" }, /complex/],
    ["sortBy=meta.location", { sortBy: "meta.location" }, /^Sorting by/],
  ])("answers %s with 400 invalidValue about sorting", async (_title, body, detail) => {
    const error = expectScimError(await search(body), 400, "invalidValue");

    expect(error.detail).toMatch(detail);
  });
});

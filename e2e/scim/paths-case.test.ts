import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDirectory, startServer, type TestServer } from "../support/server";

let server: TestServer;
let token: string;

beforeAll(async () => {
  server = await startServer();
  token = createDirectory(server, "generic").token;
});

afterAll(async () => {
  await server?.stop();
});

describe("SCIM paths typed by hand", () => {
  it.each([
    ["/SCIM/V2/Users", 200],
    ["/Scim/v2/serviceproviderconfig", 200],
    ["/scim/v2/USERS/", 200],
    ["/SCIM/v2/Nowhere", 404],
  ])("%s answers %i in SCIM JSON, never HTML", async (pathname, status) => {
    const response = await fetch(`${server.baseUrl}${pathname}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toMatch(/^application\/scim\+json/);
  });

  it("creates a user through an upper-case base path", async () => {
    const response = await fetch(`${server.baseUrl}/SCIM/V2/Users`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/scim+json" },
      body: JSON.stringify({ userName: "upper@example.com" }),
    });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { meta?: { location?: string } };
    expect(body.meta?.location).toContain("/scim/v2/Users/");
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../support/server";

let server: TestServer;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server?.stop();
});

describe("dashboard API paths", () => {
  // Next cannot decode these before any route runs; it would answer a plain-text 500.
  it.each(["/api/users/%E0%A4%A", "/api/%ZZ/x", "/api/logs/%C0"])(
    "answers %s, not valid percent-encoding, with the API's JSON 400",
    async (path) => {
      const response = await fetch(`${server.baseUrl}${path}`);
      expect(response.status).toBe(400);
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("invalid_request");
      expect(body.error.message).toMatch(/not valid percent-encoded UTF-8/);
    },
  );

  it("still routes a well-encoded path, and checks the session there", async () => {
    const response = await fetch(`${server.baseUrl}/api/users/caf%C3%A9`);
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      "unauthorized",
    );
  });
});

describe("site icon", () => {
  it("is served, and pages point browsers at it", async () => {
    const page = await (await fetch(`${server.baseUrl}/login`)).text();
    const href = /<link rel="icon" href="([^"]+)"/.exec(page)?.[1];
    expect(href).toMatch(/^\/icon\.svg/);
    const icon = await fetch(`${server.baseUrl}${href}`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
    expect(await icon.text()).toMatch(/^<svg/);
  });
});

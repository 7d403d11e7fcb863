import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDirectory, scimClient, startServer, type TestServer } from "../support/server";
import { URN } from "./provisioning-helpers";

const PASSWORD = "Corr3ct-Horse-Battery";

let server: TestServer;

beforeAll(async () => {
  server = await startServer({ LOG_LEVEL: "info" });
});

afterAll(async () => {
  await server.stop();
});

type LogLine = Record<string, unknown>;

async function requestLines(method: string): Promise<LogLine[]> {
  for (let waitedMs = 0; waitedMs < 5_000; waitedMs += 50) {
    const lines = server
      .logLines()
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as LogLine)
      .filter((line) => line.msg === "scim.request" && line.method === method);
    if (lines.length > 0) return lines;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return [];
}

describe("the process log", () => {
  it("writes one summary line per SCIM request, without the token, password or body", async () => {
    const { directoryId, token } = createDirectory(server, "okta");
    const request = scimClient(server, token);
    const created = await request(
      "POST",
      "/Users",
      { schemas: [URN.user], userName: "log.check@example.com", password: PASSWORD },
      { "User-Agent": "Okta SCIM Client 1.0.0" },
    );
    expect(created.status).toBe(201);

    const [line, ...others] = await requestLines("POST");

    expect(others).toEqual([]);
    expect(line).toMatchObject({
      method: "POST",
      path: "/scim/v2/Users",
      status: 201,
      directory_id: directoryId,
      user_agent: "Okta SCIM Client 1.0.0",
    });
    expect(line?.duration_ms).toEqual(expect.any(Number));
    const everything = server.logLines().join("\n");
    expect(everything).not.toContain(token);
    expect(everything).not.toContain(PASSWORD);
    expect(everything).not.toContain("log.check@example.com");
  });
});

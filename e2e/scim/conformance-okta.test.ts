import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  formatReport,
  parseRunscopeTest,
  runRunscopeTest,
  type RunscopeTest,
} from "../support/runscope-runner";
import { createDirectory, scimClient, startServer, type TestServer } from "../support/server";

const REPO_ROOT = path.resolve(import.meta.dirname, "../..");
const SPEC_TEST_PATH = path.resolve(
  REPO_ROOT,
  "../shared/conformance/okta-scim-spec-test/Okta-SCIM-20-SPEC-Test.json",
);

// Okta's guide asks for at least one user in the app before the run; its first step reads it.
const SEED_USER = {
  schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
  userName: "seed.person@example.com",
  name: { givenName: "Seed", familyName: "Person" },
  emails: [{ primary: true, value: "seed.person@example.com", type: "work" }],
  displayName: "Seed Person",
  active: true,
};

/** The values Okta's guide has Runscope generate before the run, made fresh for this one. */
function suppliedVariables(server: TestServer, token: string): Record<string, string> {
  const suffix = randomBytes(5).toString("hex");
  const randomUsername = `runscope${suffix}@atko.example`;
  return {
    SCIMBaseURL: server.scimUrl,
    auth: `Bearer ${token}`,
    InvalidUserEmail: `absent${suffix}@atko.example`,
    UserIdThatDoesNotExist: `absent-${suffix}`,
    randomUsername,
    randomUsernameCaps: randomUsername.toUpperCase(),
    randomEmail: `runscope.mail${suffix}@atko.example`,
    randomGivenName: `Given${suffix}`,
    randomFamilyName: `Family${suffix}`,
  };
}

function checkCountOf(test: RunscopeTest): number {
  return test.steps.reduce((count, step) => {
    if (step.step_type !== "request" || step.skipped) return count;
    const scriptCount = step.scripts.filter((source) => source.trim() !== "").length;
    return count + step.assertions.length + step.variables.length + scriptCount;
  }, 0);
}

describe("Okta SCIM 2.0 spec test", () => {
  let server: TestServer;
  let token: string;

  beforeAll(async () => {
    server = await startServer();
    token = createDirectory(server, "okta").token;
    const seeded = await scimClient(server, token)("POST", "/Users", SEED_USER);
    expect(seeded.status, seeded.text).toBe(201);
  });

  afterAll(async () => {
    await server?.stop();
  });

  it("meets every assertion, extraction and script of Okta's Runscope test", async () => {
    const test = parseRunscopeTest(JSON.parse(fs.readFileSync(SPEC_TEST_PATH, "utf8")));

    const report = await runRunscopeTest(test, suppliedVariables(server, token));

    const requestCount = test.steps.filter((step) => step.step_type === "request").length;
    expect(report.requestCount).toBe(requestCount);
    expect(report.results).toHaveLength(checkCountOf(test));
    const failed = report.failures.map((result) => `${result.note}: ${result.check}`);
    expect(failed, formatReport(report)).toEqual([]);
  });
});

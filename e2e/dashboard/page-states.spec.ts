import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { createDirectory, scimClient, startServer, type TestServer } from "../support/server";
import { createAccounts, signIn } from "./helpers";

// A server of its own, so each test knows what the lists hold. The tests share one signed-in
// context to stay under the sign-in rate limit.
const ADMIN = { email: "sam@example.com", password: "states-admin-pass" };
const OTHER = { email: "otto@example.com", password: "states-other-pass" };
const USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";

let server: TestServer;
let context: BrowserContext;
let page: Page;
let directory: ReturnType<typeof createDirectory>;

test.beforeAll(async ({ browser }) => {
  server = await startServer();
  createAccounts(server, [
    [ADMIN, "admin"],
    [OTHER, "viewer"],
  ]);
  directory = createDirectory(server, "entra", "Contoso");
  server.cli("seed", "--directory", directory.directoryId, "--users", "60", "--groups", "48");
  context = await browser.newContext({ baseURL: server.baseUrl });
  page = await context.newPage();
  await signIn(page, ADMIN.email, ADMIN.password);
});

test.afterAll(async () => {
  await context?.close();
  await server?.stop();
});

test("a list page past the end says so and leads to the last page", async () => {
  await page.goto("/groups?page=2");
  await expect(page.getByText("Page 2 is past the end")).toBeVisible();
  await expect(page.getByText("No groups yet")).toHaveCount(0);
  const pager = page.getByRole("navigation", { name: "Pagination" });
  await expect(pager).toContainText("48 groups");
  await expect(pager).not.toContainText("51–48");

  await page.getByRole("button", { name: "Go to page 1" }).click();
  await expect(pager).toContainText("1–48 of 48 groups");

  await page.goto("/users?page=999");
  await expect(page.getByText("Page 999 is past the end")).toBeVisible();
  await expect(pager).not.toContainText("49,901");
});

test("a reset that succeeds after a refused one clears the error and says so", async () => {
  await page.goto("/settings/accounts");
  const row = page.getByRole("row").filter({ hasText: OTHER.email });
  const answers = ["short", "a-long-enough-password"];
  page.on("dialog", (dialog) => void dialog.accept(answers.shift()));

  await row.getByRole("button", { name: "Reset password" }).click();
  await expect(row.getByRole("alert")).toContainText("at least 10 characters");
  await row.getByRole("button", { name: "Reset password" }).click();
  await expect(row.getByRole("status")).toHaveText(`Password reset for ${OTHER.email}.`);
  await expect(row.getByRole("alert")).toHaveCount(0);
  page.removeAllListeners("dialog");
});

test("revoking a token hides its one-time secret", async () => {
  await page.goto("/directories");
  const card = page.getByRole("article", { name: "Contoso" });
  await card.getByLabel("Token name").fill("short-lived");
  await card.getByRole("button", { name: "Create token" }).click();
  await expect(card.getByTestId("token-secret")).toContainText("rst_");

  page.once("dialog", (dialog) => void dialog.accept());
  const row = card.getByRole("row").filter({ hasText: "short-lived" });
  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(row.getByText("Revoked")).toBeVisible();
  await expect(card.getByTestId("token-secret")).toHaveCount(0);
  await expect(card.getByText("Copy this token now")).toHaveCount(0);
});

test("set-up steps point to the token form above them", async () => {
  await page.goto("/directories");
  const card = page.getByRole("article", { name: "Contoso" });
  await card.getByText("Set-up steps for Microsoft Entra ID").click();
  await expect(card.getByText(/Secret Token: a token made with Create token above/)).toBeVisible();
  await expect(card.getByText(/below/)).toHaveCount(0);
});

test("the sync log's pager says Loading… until the first page arrives", async () => {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const isLogPage = (url: URL) => url.pathname === "/api/logs";
  await page.route(isLogPage, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto("/logs");
  const pager = page.getByRole("navigation", { name: "Pagination" });
  await expect(pager).toContainText("Loading…");
  await expect(pager).not.toContainText("No entries");
  release();
  await expect(pager).not.toContainText("Loading…");
  await page.unroute(isLogPage);
});

test("the sync log links a user only while it exists", async () => {
  const request = scimClient(server, directory.token);
  const kept = await request("POST", "/Users", {
    schemas: [USER_SCHEMA],
    userName: "kept@x.example",
  });
  const gone = await request("POST", "/Users", {
    schemas: [USER_SCHEMA],
    userName: "gone@x.example",
  });
  await request("DELETE", `/Users/${String(gone.body?.id)}`);

  await page.goto("/logs?q=x.example");
  const table = page.getByRole("table", { name: "Sync log" });
  await expect(table.locator("tbody tr")).toHaveCount(3);
  await expect(table.getByRole("link", { name: "kept@x.example" })).toHaveAttribute(
    "href",
    `/users/${String(kept.body?.id)}`,
  );
  await expect(table.getByRole("link", { name: "gone@x.example" })).toHaveCount(0);
  await expect(table.getByText("gone@x.example")).toHaveCount(2);
});

/** Creates a register entry through the API, as the entry form would, and returns its id. */
async function addEntry(name: string, parentId: string | null = null): Promise<string> {
  const response = await page.request.post("/api/subprocessors", {
    headers: { Origin: server.baseUrl },
    data: {
      name,
      legalEntity: `${name} Ltd`,
      purpose: "Sends notification email.",
      role: "email_notifications",
      dataCategories: ["email_addresses"],
      storageRegions: ["DE"],
      processingRegions: ["DE"],
      certifications: [],
      status: "active",
      parentId,
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { entry: { id: string } }).entry.id;
}

async function publish(): Promise<number> {
  const response = await page.request.post("/api/subprocessors/versions", {
    headers: { Origin: server.baseUrl },
    data: {},
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { version: { number: number } }).version.number;
}

test("version compare names a parent entry rather than showing its id", async () => {
  const parentId = await addEntry("Parent Cloud");
  const before = await publish();
  await addEntry("Child Mail", parentId);
  const after = await publish();

  await page.goto(`/subprocessors/versions/compare?from=${before}&to=${after}`);
  const parentRow = page
    .getByRole("region", { name: "Child Mail" })
    .getByRole("row", { name: /Parent entry/ });
  await expect(parentRow).toContainText("Parent Cloud");
  await expect(parentRow).not.toContainText(parentId);
});

test("the public page says its hash is of the public entries only", async () => {
  await addEntry("Public Mail");
  const version = await publish();

  await page.goto("/trust/subprocessors");
  await expect(
    page.getByText(`SHA-256 of the public entries of version ${version} (the entries of`),
  ).toBeVisible();
  await expect(page.getByText("SHA-256 of this version’s JSON entries")).toHaveCount(0);
});

import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { createDirectory, scimClient, startServer, type TestServer } from "../support/server";
import { createAccounts, signIn, snap } from "./helpers";

// A server of its own, so deleting a directory leaves the other specs' data alone.
const ADMIN = { email: "dora@example.com", password: "directory-admin-pass" };
const VIEWER = { email: "val@example.com", password: "directory-viewer-pass" };

test.describe.configure({ mode: "serial" });

let server: TestServer;
let context: BrowserContext;
let page: Page;
let acme: ReturnType<typeof createDirectory>;

test.beforeAll(async ({ browser }) => {
  server = await startServer();
  createAccounts(server, [
    [ADMIN, "admin"],
    [VIEWER, "viewer"],
  ]);
  acme = createDirectory(server, "okta", "Acme");
  createDirectory(server, "entra", "Globex");
  server.cli("seed", "--directory", acme.directoryId, "--users", "12", "--groups", "3");
  context = await browser.newContext({ baseURL: server.baseUrl });
  page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, ADMIN.email, ADMIN.password);
});

test.afterAll(async () => {
  await context?.close();
  await server?.stop();
});

const card = (name: string) => page.getByRole("article", { name });

test("an admin renames a directory and sets, then clears, its rate limit", async () => {
  await page.goto("/directories");
  await card("Acme").getByText("Settings").click();
  const form = card("Acme").getByRole("form", { name: "Settings of Acme" });
  const rate = form.getByLabel("Rate limit (requests per second per token)");
  await expect(rate).toHaveValue("");
  await expect(rate).toHaveAttribute("placeholder", "Default: 5,000");
  await snap(page, "directory-settings-open");

  await form.getByLabel("Directory name").fill("Acme EU");
  await rate.fill("25");
  await form.getByRole("button", { name: "Save" }).click();

  await expect(card("Acme EU").getByRole("status")).toHaveText("Settings saved.");
  await expect(card("Acme EU").getByRole("heading", { name: "Acme EU" })).toBeVisible();
  await page.reload();
  await card("Acme EU").getByText("Settings").click();
  await expect(card("Acme EU").getByLabel("Directory name")).toHaveValue("Acme EU");
  await expect(card("Acme EU").getByLabel(/Rate limit/)).toHaveValue("25");

  await card("Acme EU")
    .getByLabel(/Rate limit/)
    .fill("");
  await card("Acme EU").getByRole("button", { name: "Save" }).click();
  await expect(card("Acme EU").getByRole("status")).toHaveText("Settings saved.");
  const listed = await page.request.get("/api/directories");
  const { directories } = (await listed.json()) as {
    directories: { name: string; rateLimitPerSecond: number | null }[];
  };
  expect(directories.find((directory) => directory.name === "Acme EU")).toMatchObject({
    rateLimitPerSecond: null,
  });
});

test("a refused value is explained and nothing is saved", async () => {
  await page.goto("/directories");
  await card("Acme EU").getByText("Settings").click();
  await card("Acme EU").getByLabel("Directory name").fill("   ");
  // The browser's own check would stop a blank required field; the server's answer is shown too.
  await card("Acme EU")
    .getByRole("form", { name: "Settings of Acme EU" })
    .evaluate((form) => form.setAttribute("novalidate", ""));
  await card("Acme EU").getByRole("button", { name: "Save" }).click();
  await expect(card("Acme EU").getByRole("alert")).toHaveText("name is required");
});

test("deleting asks for the name, then removes the card and refuses the IdP", async () => {
  const scim = scimClient(server, acme.token);
  expect((await scim("GET", "/Users?count=1")).status).toBe(200);
  await page.goto("/directories");
  await card("Acme EU").getByText("Settings").click();
  const danger = card("Acme EU").getByRole("region", { name: "Delete directory" });
  await expect(danger).toContainText("Deletes its 12 users, 3 groups and every token.");
  await expect(danger).toContainText("The identity provider is refused from then on");
  const remove = danger.getByRole("button", { name: "Delete directory" });
  await expect(remove).toBeDisabled();
  await danger.getByLabel(/to confirm/).fill("Acme");
  await expect(remove).toBeDisabled();
  await danger.getByLabel(/to confirm/).fill("Acme EU");
  await snap(page, "directory-delete-confirm");

  await remove.click();

  await expect(card("Acme EU")).toHaveCount(0);
  await expect(page.getByRole("status")).toHaveText(
    "Deleted Acme EU with 12 users, 3 groups and 1 token.",
  );
  await expect(card("Globex")).toBeVisible();
  expect((await scim("GET", "/Users?count=1")).status).toBe(401);
});

test("the deleted directory's requests stay in the sync log, named as deleted", async () => {
  await page.goto("/logs");
  const deletedCell = page.getByRole("cell", { name: "Acme EU (deleted)" });
  await expect(deletedCell.first()).toBeVisible();
  const log = await page.request.get(`/api/logs?directory=${acme.directoryId}`);
  const { items } = (await log.json()) as { items: { id: string }[] };
  await page.goto(`/logs/${items[0]?.id ?? ""}`);
  await expect(page.getByText("Acme EU (deleted)").first()).toBeVisible();

  for (const path of ["/", "/users", "/groups"]) {
    await page.goto(path);
    await expect(page.locator("main h1")).toBeVisible();
    await expect(page.getByText("Something went wrong")).toHaveCount(0);
  }
});

test("settings fit a phone screen", async () => {
  const phone = await context.newPage();
  await phone.setViewportSize({ width: 390, height: 844 });
  await phone.goto("/directories");
  await phone.getByRole("article", { name: "Globex" }).getByText("Settings").click();
  await expect(phone.getByRole("button", { name: "Delete directory" })).toBeVisible();
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await snap(phone, "directory-settings-phone");
  await phone.close();
});

test("a viewer sees no settings and cannot change a directory over the API", async ({
  browser,
}) => {
  const viewerContext = await browser.newContext({ baseURL: server.baseUrl });
  const viewer = await viewerContext.newPage();
  await signIn(viewer, VIEWER.email, VIEWER.password);

  await viewer.goto("/directories");
  await expect(viewer.getByRole("article", { name: "Globex" })).toBeVisible();
  await expect(viewer.getByText("Settings", { exact: true })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Delete directory" })).toHaveCount(0);

  const listed = await viewer.request.get("/api/directories");
  const { directories } = (await listed.json()) as { directories: { id: string }[] };
  const id = directories[0]?.id ?? "";
  expect(
    (await viewer.request.patch(`/api/directories/${id}`, { data: { name: "X" } })).status(),
  ).toBe(403);
  expect((await viewer.request.delete(`/api/directories/${id}`)).status()).toBe(403);
  await viewerContext.close();
});

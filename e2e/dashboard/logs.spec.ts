import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { playTraffic } from "../logs/traffic";
import { scimClient, startServer, type TestServer } from "../support/server";
import { signIn, snap } from "./helpers";

const LIVE_POLL_MS = 2_000;

// The log needs a known set of requests, so this story runs on a server and database of its own.
test.describe.configure({ mode: "serial" });

const READER = { email: "lin@example.com", password: "log-reader-password" };

let server: TestServer;
let context: BrowserContext;
let page: Page;
let traffic: Awaited<ReturnType<typeof playTraffic>>;

const table = () => page.getByRole("table", { name: "Sync log" });
const bodyRows = () => table().locator("tbody tr");

test.beforeAll(async ({ browser }) => {
  server = await startServer();
  server.cli(
    "account",
    "create",
    "--email",
    READER.email,
    "--password",
    READER.password,
    "--role",
    "viewer",
  );
  traffic = await playTraffic(server);
  context = await browser.newContext({ baseURL: server.baseUrl });
  page = await context.newPage();
  await signIn(page, READER.email, READER.password);
});

test.afterAll(async () => {
  await context?.close();
  await server?.stop();
});

test("lists every request newest first", async () => {
  await page.getByRole("link", { name: "Sync log" }).click();
  await expect(page.getByRole("heading", { name: "Sync log" })).toBeVisible();
  await expect(bodyRows()).toHaveCount(traffic.sent.length);
  await expect(bodyRows().first()).toContainText("401");
  await expect(bodyRows().last()).toContainText("grace@contoso.example");
  await snap(page, "logs-01-all");
});

test("shortened paths still tell the resources apart", async () => {
  await page.goto("/logs");
  await expect(bodyRows()).toHaveCount(traffic.sent.length);
  const paths = await table()
    .locator("tbody tr td:nth-child(4) > span:first-child")
    .evaluateAll((spans) => spans.map((span) => [span.getAttribute("title"), span.textContent]));
  // Time-ordered ids made in the same minute share their first characters.
  const shortened = new Map<string, Set<string>>();
  for (const [full, shown] of paths) {
    if (!full || !shown || full === shown) continue;
    shortened.set(shown, (shortened.get(shown) ?? new Set()).add(full));
  }
  const fullPaths = [...shortened.values()].flatMap((set) => [...set]);
  expect(new Set(fullPaths).size).toBeGreaterThan(1);
  for (const [shown, full] of shortened) {
    expect([...full], `"${shown}" stands for several paths`).toHaveLength(1);
  }
});

test("filters by status and directory through the UI, and the URL round-trips them", async () => {
  await page.getByLabel("Status").selectOption("4xx");
  await expect(page).toHaveURL(/[?&]status=4xx/);
  await expect(bodyRows()).toHaveCount(3);
  await expect(page.getByLabel("Status")).toHaveValue("4xx");
  const statusCells = bodyRows().locator("td:nth-child(5)");
  await expect(statusCells).toHaveText([/^4\d\d$/, /^4\d\d$/, /^4\d\d$/]);

  await page.getByLabel("Directory").selectOption({ label: "Acme Okta" });
  await expect(page).toHaveURL(new RegExp(`[?&]directory=${traffic.okta.directoryId}`));
  await expect(bodyRows()).toHaveCount(1);
  await expect(bodyRows().first()).toContainText("404");
  await snap(page, "logs-02-filtered");

  const shared = page.url();
  const other = await context.newPage();
  await other.goto(shared);
  await expect(other.getByLabel("Status")).toHaveValue("4xx");
  await expect(other.getByLabel("Directory")).toHaveValue(traffic.okta.directoryId);
  await expect(other.getByRole("table", { name: "Sync log" }).locator("tbody tr")).toHaveCount(1);
  await other.close();
});

test("opens an entry and shows the request, the response and the diff", async () => {
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/logs$/);
  await page.getByLabel("Method").selectOption("PATCH");
  await expect(page).toHaveURL(/method=PATCH/);
  await page.getByLabel("Resource").selectOption("User");
  await expect(page).toHaveURL(/type=User/);
  await page.getByLabel("Search path, userName or displayName").fill("grace@contoso");
  await expect(page).toHaveURL(/q=grace%40contoso/);
  await expect(bodyRows()).toHaveCount(1);
  await expect(bodyRows().first()).toContainText("204");
  await bodyRows().first().getByRole("link").first().click();
  await expect(page).toHaveURL(/\/logs\/[0-9a-f-]{36}$/);
  const changes = page.getByRole("table", { name: /Changes of/ });
  await expect(changes.getByRole("row", { name: /title/ })).toContainText("Rear Admiral");
  await expect(page.getByText(/PATCH operation name was capitalised/)).toBeVisible();
  // At phone widths each quirk's code wraps as a whole, never mid-word, wherever lines end.
  const quirks = page.locator("section", { hasText: "Client quirks" }).locator("li code");
  await expect(quirks.first()).toBeVisible();
  for (let width = 300; width <= 460; width += 8) {
    await page.setViewportSize({ width, height: 844 });
    const heights = await quirks.evaluateAll((codes) =>
      codes.map((code) => {
        const lineHeight = parseFloat(getComputedStyle(code).lineHeight);
        return code.getBoundingClientRect().height / lineHeight;
      }),
    );
    expect(
      heights.every((lines) => lines < 1.5),
      `${width} px: ${heights.join(", ")}`,
    ).toBe(true);
  }
  await page.setViewportSize({ width: 1360, height: 900 });
  await expect(page.getByLabel("Request body")).toContainText('"op": "Replace"');
  await expect(page.getByRole("link", { name: "grace@contoso.example" }).first()).toHaveAttribute(
    "href",
    `/users/${traffic.graceId}`,
  );
  await snap(page, "logs-03-entry");

  await page.getByRole("link", { name: "← Sync log" }).click();
  await expect(page).toHaveURL(/method=PATCH/);
  await expect(page.getByLabel("Method")).toHaveValue("PATCH");
});

test("shows a rejected request with its error and no changes", async () => {
  await page.goto("/logs?status=4xx&method=PATCH");
  await bodyRows().first().getByRole("link").first().click();
  await expect(page.getByText("The request was rejected, so nothing changed.")).toBeVisible();
  await expect(page.getByLabel("Response body")).toContainText("invalidValue");
  await snap(page, "logs-04-rejected");
});

test("links the members a group change added", async () => {
  await page.goto("/logs?type=Group&method=PATCH");
  await bodyRows().first().getByRole("link").first().click();
  await expect(page.getByText("group.member_added")).toBeVisible();
  const members = page.getByRole("list", { name: "Members" });
  await expect(members.getByRole("link", { name: "grace@contoso.example" })).toHaveAttribute(
    "href",
    `/users/${traffic.graceId}`,
  );
  await snap(page, "logs-09-members");
});

test("explains an empty view, a malformed link and a missing entry", async () => {
  await page.goto("/logs?q=no-such-request-anywhere");
  await expect(page.getByText("No entries match")).toBeVisible();
  await snap(page, "logs-06-empty");

  await page.goto("/logs?status=9xx");
  const invalid = page.getByRole("alert").filter({ hasText: "can’t be read" });
  await expect(invalid).toContainText("status");
  await snap(page, "logs-07-invalid-link");
  await invalid.getByRole("button", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/logs$/);
  await expect(bodyRows().first()).toBeVisible();

  await page.goto("/logs/01900000-0000-7000-8000-000000000000");
  await expect(page.getByRole("alert").filter({ hasText: "Log entry not found." })).toBeVisible();
  await snap(page, "logs-08-missing-entry");
});

test("live mode shows new requests without a reload and can be paused", async () => {
  await page.goto(`/logs?directory=${traffic.okta.directoryId}`);
  const live = page.getByRole("button", { name: "Live" });
  await expect(live).toHaveAttribute("aria-pressed", "true");
  const before = traffic.sent.filter(
    (sent) => sent.directoryId === traffic.okta.directoryId,
  ).length;
  await expect(bodyRows()).toHaveCount(before);
  const okta = scimClient(server, traffic.okta.token);
  await okta("GET", `/Users/${traffic.adaId}`);
  await expect(bodyRows()).toHaveCount(before + 1);
  await expect(bodyRows().first().getByRole("img", { name: "New" })).toBeVisible();

  await live.click();
  await expect(page.getByRole("button", { name: "Paused" })).toHaveAttribute(
    "aria-pressed",
    "false",
  );
  await okta("GET", `/Users/${traffic.adaId}`);
  await expect
    .poll(async () => {
      const response = await page.request.get(`/api/logs?directory=${traffic.okta.directoryId}`);
      return ((await response.json()) as { items: unknown[] }).items.length;
    })
    .toBe(before + 2);
  // Paused means the page stops polling: no list request for three poll intervals.
  const hasPolled = await page
    .waitForRequest((request) => request.url().includes("/api/logs?"), {
      timeout: 3 * LIVE_POLL_MS,
    })
    .then(
      () => true,
      () => false,
    );
  expect(hasPolled).toBe(false);
  await expect(bodyRows()).toHaveCount(before + 1);

  await page.getByRole("button", { name: "Paused" }).click();
  await expect(bodyRows()).toHaveCount(before + 2);
  await snap(page, "logs-05-live");
});

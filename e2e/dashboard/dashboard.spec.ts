import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { ADMIN, baseUrl, scim, signIn, snap, VIEWER } from "./helpers";

test.use({ baseURL: baseUrl() });

// One story, in order: each step builds on the state the previous one left.
test.describe.configure({ mode: "serial" });

let context: BrowserContext;
let page: Page;
let directoryId = "";
let token = "";
let userId = "";
let deletedUserId = "";

const OKTA_USER = {
  schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
  userName: "grace.hopper@example.com",
  externalId: "00u1grace",
  name: { givenName: "Grace", familyName: "Hopper" },
  displayName: "Grace Hopper",
  emails: [{ value: "grace.hopper@example.com", type: "work", primary: true }],
  title: "Rear Admiral",
  active: true,
  "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
    department: "Navy Research",
    employeeNumber: "1906",
  },
};

test.beforeAll(async ({ browser }) => {
  context = await browser.newContext({ baseURL: baseUrl() });
  page = await context.newPage();
});

test.afterAll(async () => {
  await context.close();
});

test("first run leads every page to set-up, which creates the first admin", async () => {
  await page.goto("/users");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "Set up Roster" })).toBeVisible();
  await expect(page).toHaveTitle("Set up · Roster");
  await snap(page, "01-setup");

  await page.getByLabel("Name").fill(ADMIN.name);
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Create admin account" }).click();

  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expect(page).toHaveTitle("Overview · Roster");
  await expect(page.getByText("No directories yet")).toBeVisible();
  // The command it suggests is copied as a whole: it must not break across lines.
  const command = page.getByRole("main").locator("code", { hasText: "npm run -s cli -- demo" });
  for (const width of [1360, 1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await command.evaluate((code) => code.getClientRects().length)).toBe(1);
  }
  await page.setViewportSize({ width: 1360, height: 900 });
  await snap(page, "02-overview-empty");

  const again = await page.request.post("/api/setup", {
    data: { email: "mallory@example.com", password: "another-password" },
  });
  expect(again.status()).toBe(409);
});

test("signs out and back in with the Email and Password fields", async () => {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("That email and password don’t match an account.")).toBeVisible();
  await snap(page, "03-login-error");

  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
});

test("an admin adds a viewer account", async () => {
  await page.goto("/settings/accounts");
  const form = page.getByRole("form", { name: "New account" });
  await form.getByLabel("Email").fill(VIEWER.email);
  await form.getByLabel("Name").fill("Vic Viewer");
  await form.getByLabel("Initial password").fill(VIEWER.password);
  await form.getByLabel("Role").selectOption("viewer");
  await form.getByRole("button", { name: "Add account" }).click();
  await expect(page.getByRole("cell", { name: "Vic Viewer vic@example.com" })).toBeVisible();
  await snap(page, "04-accounts");
});

test("an admin creates a directory and a token in the UI", async () => {
  await page.goto("/directories");
  const form = page.getByRole("form", { name: "New directory" });
  await form.getByLabel("Directory name").fill("Acme Okta");
  await form.getByLabel("Identity provider").selectOption("okta");
  await form.getByRole("button", { name: "Create directory" }).click();

  const card = page.getByRole("article", { name: "Acme Okta" });
  await expect(card.getByTestId("token-secret")).toContainText("rst_");
  await card.getByRole("button", { name: "I have stored it" }).click();

  await card.getByLabel("Token name").fill("playwright");
  await card.getByRole("button", { name: "Create token" }).click();
  const secret = card.getByTestId("token-secret");
  await expect(secret).toContainText("rst_");
  token = (await secret.textContent())?.trim() ?? "";
  await expect(card.getByRole("cell", { name: "playwright" })).toBeVisible();
  await card.getByText("Set-up steps for Okta").click();
  await expect(card.getByText("Unique identifier field for users")).toBeVisible();
  await snap(page, "05-directories");

  const listed = await page.request.get("/api/directories");
  const body = (await listed.json()) as { directories: { id: string; name: string }[] };
  directoryId = body.directories.find((directory) => directory.name === "Acme Okta")?.id ?? "";
  expect(directoryId).not.toBe("");
  // The CLI's token create and seed take it; the card is where an admin finds it.
  await expect(card.getByText(directoryId, { exact: true })).toBeVisible();
  await expect(card.getByRole("button", { name: "Copy directory ID" })).toBeVisible();
  await expect(card.getByRole("button", { name: "Copy SCIM base URL" })).toBeVisible();
});

test("a user provisioned over SCIM appears on /users without a reload", async () => {
  await page.goto("/users");
  await expect(page.getByText("No users yet")).toBeVisible();
  await page.evaluate(() => {
    (window as unknown as { notReloaded: boolean }).notReloaded = true;
  });

  const created = await scim(token, "POST", "/Users", OKTA_USER);
  expect(created.status).toBe(201);
  userId = String(created.body.id);

  await expect(page.getByRole("link", { name: OKTA_USER.userName })).toBeVisible();
  expect(
    await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded),
  ).toBe(true);
  await snap(page, "06-users");
});

test("searching finds the user and the search lives in the URL", async () => {
  for (let index = 0; index < 3; index += 1) {
    const other = await scim(token, "POST", "/Users", {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
      userName: `colleague.${index}@example.com`,
      name: { givenName: "Col", familyName: `League ${index}` },
      emails: [{ value: `colleague.${index}@example.com`, primary: true }],
      active: index !== 2,
    });
    expect(other.status).toBe(201);
  }
  await expect(page.getByRole("link", { name: "colleague.2@example.com" })).toBeVisible();

  await page.getByRole("searchbox", { name: "Search users" }).fill("hopper");
  await expect(page).toHaveURL(/q=hopper/);
  await expect(page.getByRole("link", { name: OKTA_USER.userName })).toBeVisible();
  await expect(page.getByRole("link", { name: "colleague.0@example.com" })).toHaveCount(0);
  await snap(page, "07-users-search");

  await page.goto("/users?active=false");
  await expect(page.getByRole("link", { name: "colleague.2@example.com" })).toBeVisible();
  await expect(page.getByRole("link", { name: OKTA_USER.userName })).toHaveCount(0);
});

test("two filter changes made before the list re-renders both stay in the URL", async () => {
  await page.goto("/users");
  await expect(page.getByRole("link", { name: "colleague.2@example.com" })).toBeVisible();
  // Holding any server navigation keeps the view from re-rendering between the two changes.
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const isUsersPage = (url: URL) => url.pathname === "/users";
  await page.route(isUsersPage, async (route) => {
    if (route.request().headers()["rsc"]) await released;
    await route.continue();
  });

  await page.getByLabel("Directory").selectOption({ label: "Acme Okta" });
  await page.getByLabel("Status").selectOption("false");
  release();

  await expect(page).toHaveURL(
    (url) =>
      url.searchParams.get("directory") === directoryId &&
      url.searchParams.get("active") === "false",
  );
  await expect(page.getByLabel("Directory")).toHaveValue(directoryId);
  await expect(page.getByRole("link", { name: "colleague.2@example.com" })).toBeVisible();
  await expect(page.getByRole("link", { name: OKTA_USER.userName })).toHaveCount(0);
  await page.unroute(isUsersPage);
});

test("the user page shows attributes, groups, raw SCIM JSON and the timeline", async () => {
  await scim(token, "PATCH", `/Users/${userId}`, {
    schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
    Operations: [{ op: "replace", value: { title: "Commodore" } }],
  });
  const group = await scim(token, "POST", "/Groups", {
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"],
    displayName: "Compiler Team",
    members: [{ value: userId }],
  });
  expect(group.status).toBe(201);

  await page.goto("/users?q=hopper");
  await page.getByRole("link", { name: OKTA_USER.userName }).click();
  await expect(page).toHaveURL(new RegExp(`/users/${userId}$`));
  await expect(page.getByRole("heading", { name: "Grace Hopper" })).toBeVisible();
  await expect(page.getByText("Navy Research", { exact: true })).toBeVisible();
  const groupsCard = page
    .locator("section")
    .filter({ has: page.getByRole("heading", { name: /^Groups/ }) });
  await expect(groupsCard.getByRole("link", { name: "Compiler Team" })).toBeVisible();
  await expect(page.getByLabel("SCIM JSON of this user")).toContainText('"userName"');
  await expect(page.getByText("Commodore").first()).toBeVisible();
  await snap(page, "08-user-detail");

  await groupsCard.getByRole("link", { name: "Compiler Team" }).click();
  await expect(page.getByRole("heading", { name: "Compiler Team" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Grace Hopper" })).toBeVisible();
  await snap(page, "09-group-detail");

  await page.goto("/groups");
  await expect(page.getByRole("link", { name: "Compiler Team" })).toBeVisible();
  await snap(page, "10-groups");
});

test("timelines name members, the groups a user joined and left, and requests", async () => {
  const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
  const colleagues: string[] = [];
  for (const name of ["ada", "alan", "barbara", "edsger", "frances", "katherine"]) {
    const created = await scim(token, "POST", "/Users", {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
      userName: `${name}@example.com`,
    });
    colleagues.push(String(created.body.id));
  }
  const sales = await scim(token, "POST", "/Groups", {
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"],
    displayName: "Sales",
    members: [userId, ...colleagues].map((value) => ({ value })),
  });
  const salesId = String(sales.body.id);
  const removed = await scim(token, "PATCH", `/Groups/${salesId}`, {
    schemas: [PATCH_OP],
    Operations: [{ op: "remove", path: `members[value eq "${userId}"]` }],
  });
  expect(removed.status).toBe(204);

  await page.goto(`/users/${userId}`);
  const timeline = page.getByRole("list").filter({ hasText: "Removed from Sales" });
  const left = timeline.getByRole("listitem").filter({ hasText: "Removed from Sales" });
  await expect(left.getByRole("link", { name: "Sales" })).toHaveAttribute(
    "href",
    `/groups/${salesId}`,
  );
  await expect(timeline.getByRole("listitem").filter({ hasText: "Added to Sales" })).toHaveCount(1);
  await expect(timeline.getByText("Added to Compiler Team")).toBeVisible();
  await snap(page, "08b-user-timeline");
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await snap(page, "08c-user-timeline-phone");
  await page.setViewportSize({ width: 1280, height: 900 });

  await left.getByRole("link", { name: "View request" }).click();
  await expect(page).toHaveURL(/\/logs\/[0-9a-f-]+$/);
  await expect(page.getByText(`/scim/v2/Groups/${salesId}`).first()).toBeVisible();
  await expect(page.getByText("group.member_removed")).toBeVisible();

  await page.goto(`/groups/${salesId}`);
  const added = page.getByRole("listitem").filter({ hasText: "members added" });
  await expect(added.getByRole("link", { name: OKTA_USER.userName })).toBeVisible();
  await expect(added.getByRole("link", { name: "ada@example.com" })).toBeVisible();
  await expect(added).toContainText("and 2 more");
  const gone = page.getByRole("listitem").filter({ hasText: "members removed" });
  await expect(gone.getByRole("link", { name: OKTA_USER.userName })).toBeVisible();
  await snap(page, "09b-group-timeline");
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await snap(page, "09c-group-timeline-phone");
  await page.setViewportSize({ width: 1360, height: 900 });
});

test("the overview and the audit trail show what happened", async () => {
  const rejected = await scim(token, "POST", "/Users", { schemas: [], userName: "" });
  expect(rejected.status).toBe(400);

  await page.goto("/");
  const card = page.getByRole("article").filter({ hasText: "Acme Okta" });
  await expect(card.getByText("Active users")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Recent events" })).toBeVisible();
  await snap(page, "11-overview");

  await page.goto("/settings/audit");
  await expect(page.getByText("token.created").first()).toBeVisible();
  await expect(page.getByText("directory.created")).toBeVisible();
  await snap(page, "12-audit");
});

test("the overview links no event to a user the IdP has since deleted", async () => {
  const created = await scim(token, "POST", "/Users", {
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
    userName: "short.lived@example.com",
  });
  expect(created.status).toBe(201);
  deletedUserId = String(created.body.id);
  const deleted = await scim(token, "DELETE", `/Users/${deletedUserId}`);
  expect(deleted.status).toBe(204);

  await page.goto("/");
  const events = page.getByRole("list").filter({ hasText: "short.lived@example.com" });
  const itsEvents = events.getByRole("listitem").filter({ hasText: "short.lived@example.com" });
  await expect(itsEvents.filter({ hasText: "User deleted" })).toHaveCount(1);
  await expect(itsEvents.filter({ hasText: "User created" })).toHaveCount(1);
  // Its page is gone, so neither its deletion nor its earlier creation leads to it.
  await expect(events.getByRole("link", { name: "short.lived@example.com" })).toHaveCount(0);
  // Resources that are still there are linked as before.
  await expect(events.getByRole("link").first()).toBeVisible();
});

test("a deleted user's page says it is gone instead of offering to try again", async () => {
  await page.goto(`/users/${deletedUserId}`);
  const alert = page.getByRole("alert");
  await expect(alert.getByText("User not found.")).toBeVisible();
  await expect(alert.getByText(/deleted/)).toBeVisible();
  await expect(alert.getByText("Something went wrong")).toHaveCount(0);
  await expect(alert.getByRole("button", { name: "Try again" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "← Users" })).toBeVisible();
});

test("on a phone the navigation folds behind Menu and no page is too wide", async () => {
  await page.goto("/users");
  await expect(page.getByRole("link", { name: "Groups" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Menu" })).toBeHidden();

  const phone = await context.newPage();
  await phone.setViewportSize({ width: 390, height: 844 });
  const users = phone
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Users" });
  for (const path of ["/", "/users", "/logs", "/directories", "/subprocessors"]) {
    await phone.goto(path);
    await expect(phone.locator("main h1")).toBeVisible();
    await expect(users).toBeHidden();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    // The folded bar is one row, however short the page below it.
    expect((await phone.locator("main").boundingBox())?.y).toBeLessThan(80);
  }
  await phone.getByRole("button", { name: "Menu" }).click();
  await users.click();
  await expect(phone).toHaveURL(/\/users$/);
  await expect(users).toBeHidden();
  await snap(phone, "13-users-phone");

  // A user's values, nested ones too, take the card's width below their names.
  await phone.goto(`/users/${userId}`);
  const values = phone.locator("section", { hasText: "Core attributes" }).getByRole("definition");
  await expect(values.first()).toBeVisible();
  const widths = await values.evaluateAll((cells) =>
    cells.map((cell) => cell.getBoundingClientRect().width),
  );
  expect(Math.min(...widths), widths.join(", ")).toBeGreaterThan(200);

  // A time in the audit trail stays on one line; squeezed, it took five.
  await phone.goto("/settings/audit");
  const when = phone.getByRole("table").getByRole("cell").first();
  await expect(when).toContainText(/\d{4}/);
  const lines = await when.evaluate((cell) => {
    const range = document.createRange();
    range.selectNodeContents(cell);
    return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
  });
  expect(lines).toBe(1);
  await phone.close();
});

test("a viewer reads but can reach token creation neither in the UI nor the API", async ({
  browser,
}) => {
  const viewerContext = await browser.newContext({ baseURL: baseUrl() });
  const viewer = await viewerContext.newPage();
  await signIn(viewer, VIEWER.email, VIEWER.password);

  await viewer.goto("/directories");
  await expect(viewer.getByText("Only admins can create directories and tokens.")).toBeVisible();
  await expect(viewer.getByRole("article", { name: "Acme Okta" })).toBeVisible();
  await expect(viewer.getByRole("button", { name: "Create token" })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Revoke" })).toHaveCount(0);
  await snap(viewer, "13-directories-viewer");

  const refused = await viewer.request.post(`/api/directories/${directoryId}/tokens`, {
    data: { name: "sneaky" },
  });
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toEqual({
    error: { code: "forbidden", message: expect.any(String) },
  });

  await viewer.goto("/settings/accounts");
  await expect(viewer).toHaveURL(/\/forbidden$/);
  await snap(viewer, "14-forbidden");

  await viewer.goto("/users");
  await expect(viewer.getByRole("link", { name: OKTA_USER.userName })).toBeVisible();
  await viewerContext.close();
});

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { baseUrl, signIn, snap } from "./helpers";

test.use({ baseURL: baseUrl() });

// One story, in order: a compliance officer builds, checks and publishes the register.
test.describe.configure({ mode: "serial" });

const ROOT = path.resolve(import.meta.dirname, "../..");
const OFFICER = { email: "cora.compliance@example.com", password: "compliance-pass-1" };
const READER = { email: "rey.viewer@example.com", password: "viewer-pass-123" };
const today = () => new Date().toISOString().slice(0, 10);

function createAccount(account: { email: string; password: string }, role: string): void {
  const result = spawnSync(
    path.join(ROOT, "node_modules/.bin/tsx"),
    [
      "lib/cli/main.ts",
      "account",
      "create",
      "--email",
      account.email,
      "--password",
      account.password,
      "--role",
      role,
    ],
    {
      cwd: ROOT,
      env: { ...process.env, DATABASE_PATH: process.env.ROSTER_DATABASE_PATH },
      encoding: "utf8",
    },
  );
  if (result.status !== 0) throw new Error(`account create failed: ${result.stderr}`);
}

async function signedInPage(browser: Browser, account: { email: string; password: string }) {
  const context = await browser.newContext({ baseURL: baseUrl(), acceptDownloads: true });
  const page = await context.newPage();
  await signIn(page, account.email, account.password);
  return page;
}

let page: Page;

test.beforeAll(async ({ browser }) => {
  createAccount(OFFICER, "compliance");
  createAccount(READER, "viewer");
  page = await signedInPage(browser, OFFICER);
});

test.afterAll(async () => {
  await page.context().close();
});

test("the register starts empty and is reachable from the navigation", async () => {
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Sub-processors" })
    .click();
  await expect(page.getByRole("heading", { name: "Sub-processors", level: 1 })).toBeVisible();
  await expect(page.getByText("The register is empty")).toBeVisible();
  await snap(page, "sp-01-list-empty");
});

test("creates a compliant entry, after the form refuses a malformed website", async () => {
  await page.getByRole("link", { name: "New sub-processor" }).click();
  await expect(page.getByRole("heading", { name: "New sub-processor" })).toBeVisible();
  await page.getByLabel("Name", { exact: true }).fill("Northwind Cloud");
  await page.getByLabel("Legal entity").fill("Northwind Cloud GmbH");
  await page.getByLabel("Website").fill("northwind dot example");
  await page.getByLabel("Pipeline role").selectOption("hosting");
  await page.getByLabel("Purpose").fill("Hosts the Roster application and its database.");
  const categories = page.getByRole("group", { name: "Data categories" });
  await categories.getByLabel("Names").check();
  await categories.getByLabel("Email addresses").check();
  await page.getByRole("group", { name: "Storage regions" }).getByLabel("EU/EEA").check();
  await page.getByRole("group", { name: "Processing regions" }).getByLabel("EU/EEA").check();
  await page.getByRole("button", { name: "Add certification" }).click();
  await page.getByLabel("Certification 1 type").selectOption("iso27001");
  await page.getByLabel("Certification 1 expiry date").fill("2099-06-30");
  await page.getByLabel("DPA link").fill("https://northwind.example/dpa");
  await page.getByLabel("DPA signed").fill("2026-01-15");
  await page.getByLabel("Status", { exact: true }).selectOption("active");
  await page.getByRole("button", { name: "Create sub-processor" }).click();
  await expect(page.getByText("must be a full web address")).toBeVisible();
  await snap(page, "sp-02-form-validation");

  await page.getByLabel("Website").fill("https://northwind.example");
  await page.getByRole("button", { name: "Create sub-processor" }).click();
  await expect(page.getByRole("heading", { name: "Northwind Cloud", level: 1 })).toBeVisible();
  await expect(page.getByText("Passes every compliance check.")).toBeVisible();
  await snap(page, "sp-03-entry-passing");
});

test("sees the failing checks of a vendor storing data in the US without a DPA", async () => {
  await page.goto("/subprocessors/new");
  await page.getByLabel("Name", { exact: true }).fill("Mailgrid");
  await page.getByLabel("Legal entity").fill("Mailgrid Inc.");
  await page.getByLabel("Pipeline role").selectOption("email_notifications");
  await page.getByLabel("Purpose").fill("Sends sign-up and provisioning notifications.");
  await page.getByRole("group", { name: "Data categories" }).getByLabel("Email addresses").check();
  await page.getByRole("group", { name: "Storage regions" }).getByLabel("United States").check();
  await page.getByRole("group", { name: "Processing regions" }).getByLabel("United States").check();
  await page.getByRole("button", { name: "Add certification" }).click();
  await page.getByLabel("Certification 1 type").selectOption("soc2_type2");
  await page.getByLabel("Certification 1 expiry date").fill("2020-12-31");
  await page.getByRole("button", { name: "Create sub-processor" }).click();

  await expect(page.getByRole("heading", { name: "Mailgrid", level: 1 })).toBeVisible();
  const checks = page.getByRole("region", { name: "Compliance checks" });
  await expect(checks.getByText("No data processing agreement (DPA) is on file.")).toBeVisible();
  await expect(checks.getByText("SOC 2 Type II expired on 2020-12-31.")).toBeVisible();
  await expect(
    checks.getByText(/Stores data in United States, outside the allowed regions/),
  ).toBeVisible();
  await snap(page, "sp-04-entry-failing");
});

test("edits the entry and sees the change in its history", async () => {
  await page.getByLabel("Transfer mechanism").selectOption("dpf");
  await page.getByLabel("Certification 1 expiry date").fill("2099-12-31");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Changes saved.")).toBeVisible();
  const history = page.getByRole("region", { name: "History" });
  await expect(history.getByText("Updated")).toBeVisible();
  await expect(history.getByText("EU-US Data Privacy Framework")).toBeVisible();
  await expect(history.getByText(OFFICER.email).first()).toBeVisible();
  const checks = page.getByRole("region", { name: "Compliance checks" });
  await expect(checks.getByText(/outside the allowed regions/)).toHaveCount(0);
  await expect(checks.getByText("No data processing agreement (DPA) is on file.")).toBeVisible();
  await snap(page, "sp-05-entry-history");
});

test("certification rows stay inside their card beside the checks and history", async () => {
  // The entry page puts the form beside the checks and history, so it is narrower than the
  // new-entry form; a row that only fits the wide form used to stick out of its card.
  const rowsFitTheirCard = () =>
    page.locator(".cert-row").evaluateAll((rows) =>
      rows.map((row) => {
        const card = row.closest(".card");
        if (!card) return "no card";
        const overflow = row.getBoundingClientRect().right - card.getBoundingClientRect().right;
        return overflow <= 0 ? "fits" : `overflows by ${Math.round(overflow)}px`;
      }),
    );
  const viewport = page.viewportSize();
  try {
    for (const width of [1280, 1100]) {
      await page.setViewportSize({ width, height: 800 });
      await expect.poll(rowsFitTheirCard).toEqual(["fits"]);
      // A custom certification adds its name field to the row.
      await page.getByLabel("Certification 1 type").selectOption("custom");
      await expect(page.getByLabel("Certification 1 name")).toBeVisible();
      await expect.poll(rowsFitTheirCard).toEqual(["fits"]);
      await page.getByLabel("Certification 1 type").selectOption("soc2_type2");
    }
  } finally {
    if (viewport) await page.setViewportSize(viewport);
  }
});

test("the list summarises failing checks and filters those that need attention", async () => {
  await page.goto("/subprocessors");
  const summary = page.getByRole("region", { name: "Compliance checks" });
  await expect(summary.getByText("No signed DPA: 1")).toBeVisible();
  await expect(
    summary.getByRole("button", { name: "Show the one that needs attention" }),
  ).toBeVisible();
  await expect(page.getByRole("table", { name: "Sub-processors" }).getByRole("row")).toHaveCount(3);
  await snap(page, "sp-06-list");
  await page.getByRole("combobox", { name: /^Checks/ }).selectOption("true");
  await expect(page).toHaveURL(/attention=true/);
  await expect(page.getByRole("table", { name: "Sub-processors" }).getByRole("row")).toHaveCount(2);
  await expect(
    page.getByRole("table", { name: "Sub-processors" }).getByRole("link", { name: /Mailgrid/ }),
  ).toBeVisible();
});

test("publishes version 1 with its changelog", async () => {
  await page.goto("/subprocessors/versions");
  await expect(page.getByRole("heading", { name: "Unpublished changes" })).toBeVisible();
  await page.getByRole("button", { name: "Publish version 1…" }).click();
  const confirm = page.getByRole("group", { name: "Confirm publishing" });
  await expect(
    confirm.getByText("1 entry to be published fails a compliance check."),
  ).toBeVisible();
  await expect(confirm.getByRole("link", { name: "Review it" })).toHaveAttribute(
    "href",
    "/subprocessors?attention=true",
  );
  await snap(page, "sp-07-publish-confirm");
  await page.getByRole("button", { name: "Publish version 1", exact: true }).click();
  await expect(page.getByText("Version 1 is published")).toBeVisible();
  await expect(
    page.getByRole("table", { name: "Published versions" }).getByText("Version 1"),
  ).toBeVisible();
  await snap(page, "sp-08-versions");
});

test("downloads the published version as CSV and PDF from the list page", async () => {
  await page.goto("/subprocessors");
  const exports = page.getByRole("region", { name: "Export" });
  await exports.getByLabel("Register").selectOption("1");
  const [csv] = await Promise.all([
    page.waitForEvent("download"),
    exports.getByRole("link", { name: "Download version 1 as CSV" }).click(),
  ]);
  expect(csv.suggestedFilename()).toBe(`subprocessors-v1-${today()}.csv`);
  const csvText = fs.readFileSync(await csv.path(), "utf8");
  expect(csvText.charCodeAt(0)).toBe(0xfeff);
  expect(csvText).toContain("Version 1");
  expect(csvText).toContain("Northwind Cloud GmbH");

  const [pdf] = await Promise.all([
    page.waitForEvent("download"),
    exports.getByRole("link", { name: "Download version 1 as PDF" }).click(),
  ]);
  expect(pdf.suggestedFilename()).toBe(`subprocessors-v1-${today()}.pdf`);
  expect(
    fs
      .readFileSync(await pdf.path())
      .subarray(0, 5)
      .toString("latin1"),
  ).toBe("%PDF-");
});

test("the public page shows the published version but not a later draft edit", async ({
  browser,
}) => {
  await page.goto("/subprocessors");
  await page
    .getByRole("table", { name: "Sub-processors" })
    .getByRole("link", { name: /Northwind Cloud/ })
    .click();
  await page.getByLabel("Name", { exact: true }).fill("Northwind Cloud Europe");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(
    page.getByRole("heading", { name: "Northwind Cloud Europe", level: 1 }),
  ).toBeVisible();

  const visitor = await browser.newContext({ baseURL: baseUrl() });
  const publicPage = await visitor.newPage();
  await publicPage.goto("/trust/subprocessors");
  await expect(publicPage).toHaveURL(/\/trust\/subprocessors$/);
  await expect(publicPage.getByText("Version 1", { exact: true })).toBeVisible();
  const table = publicPage.getByRole("table", { name: "Sub-processors" });
  await expect(table.getByText("Northwind Cloud", { exact: true })).toBeVisible();
  await expect(table.getByText("Mailgrid", { exact: true })).toBeVisible();
  await expect(publicPage.getByText("Northwind Cloud Europe")).toHaveCount(0);
  await snap(publicPage, "sp-09-public");
  await visitor.close();
});

test("compares the published version with the draft side by side", async () => {
  await page.goto("/subprocessors/versions/compare?from=1&to=draft");
  await expect(page.getByRole("heading", { name: "Version 1 → Draft" })).toBeVisible();
  const card = page.getByRole("region", { name: "Northwind Cloud Europe" });
  await expect(card.getByRole("cell", { name: "Northwind Cloud", exact: true })).toBeVisible();
  await expect(card.getByRole("cell", { name: "Northwind Cloud Europe" })).toBeVisible();
  await snap(page, "sp-10-compare");
  await page.goto("/settings/compliance");
  await expect(page.getByRole("heading", { name: "Compliance checks" })).toBeVisible();
  await snap(page, "sp-11-settings");
});

test("the company name set in the settings shows publicly and in the audit trail", async ({
  browser,
}) => {
  await page.goto("/settings/compliance");
  const name = page.getByLabel("Company name");
  await expect(name).toHaveValue("");
  await name.fill("Acme Europe GmbH");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status")).toHaveText(/Settings saved/);
  await page.reload();
  await expect(page.getByLabel("Company name")).toHaveValue("Acme Europe GmbH");
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await snap(page, `sp-13-settings-company-${width}`);
  }

  const visitor = await browser.newContext({ baseURL: baseUrl() });
  const publicPage = await visitor.newPage();
  await publicPage.goto("/trust/subprocessors");
  await expect(
    publicPage.getByText("The third parties that process customer data for Acme Europe GmbH"),
  ).toBeVisible();
  await expect(publicPage).toHaveTitle("Sub-processors · Acme Europe GmbH");
  await expect(publicPage.getByText(/for Roster/)).toHaveCount(0);
  for (const width of [1280, 390]) {
    await publicPage.setViewportSize({ width, height: 900 });
    await snap(publicPage, `sp-14-public-company-${width}`);
  }
  await visitor.close();

  await page.goto("/settings/audit");
  const trail = page.getByRole("table", { name: "Audit trail" });
  const change = trail.getByRole("row").filter({ hasText: "compliance_settings.updated" });
  await expect(change.first()).toContainText(OFFICER.email);
  await expect(change.first()).toContainText("company name: none → Acme Europe GmbH");
  await expect(
    trail.getByRole("row").filter({ hasText: "register_version.published" }),
  ).toHaveCount(1);
  await expect(
    trail.getByRole("row").filter({ hasText: "subprocessor.updated" }).first(),
  ).toContainText("Northwind Cloud Europe");
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await snap(page, `sp-15-audit-${width}`);
  }
  await page.setViewportSize({ width: 1360, height: 900 });
});

test("a viewer reads the register but cannot edit it", async ({ browser }) => {
  const viewer = await signedInPage(browser, READER);
  await viewer.goto("/subprocessors");
  await expect(
    viewer.getByRole("table", { name: "Sub-processors" }).getByRole("link", { name: /Mailgrid/ }),
  ).toBeVisible();
  await expect(viewer.getByRole("link", { name: "New sub-processor" })).toHaveCount(0);
  await expect(viewer.getByText(/Publish to update/)).toHaveCount(0);
  await viewer
    .getByRole("table", { name: "Sub-processors" })
    .getByRole("link", { name: /Mailgrid/ })
    .click();
  await expect(
    viewer.getByText("Your role can read the register but not change it."),
  ).toBeVisible();
  await expect(viewer.getByRole("button", { name: "Save changes" })).toHaveCount(0);
  await snap(viewer, "sp-12-viewer-entry");

  await viewer.goto("/subprocessors/new");
  await expect(viewer).toHaveURL(/\/forbidden$/);
  const id = new URL(page.url()).pathname.split("/").pop() ?? "";
  const refused = await viewer.request.put(`/api/subprocessors/${id}`, {
    data: { name: "Hijacked" },
    headers: { Origin: baseUrl() },
  });
  expect(refused.status()).toBe(403);
  const publish = await viewer.request.post("/api/subprocessors/versions", {
    headers: { Origin: baseUrl() },
  });
  expect(publish.status()).toBe(403);
  await viewer.context().close();
});

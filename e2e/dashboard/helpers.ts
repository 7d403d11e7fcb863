import fs from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import type { TestServer } from "../support/server";

export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, "../../test-results/dashboard");

export function baseUrl(): string {
  const url = process.env.ROSTER_BASE_URL;
  if (!url) throw new Error("ROSTER_BASE_URL is not set: run through playwright.config.ts");
  return url;
}

export const ADMIN = {
  name: "Ada Admin",
  email: "ada@example.com",
  password: "correct-horse-battery",
};
export const VIEWER = { email: "vic@example.com", password: "viewer-password-1" };

type Account = { email: string; password: string };

/** Creates accounts through the CLI, as an operator would before anyone signs in. */
export function createAccounts(server: TestServer, accounts: [Account, string][]): void {
  for (const [{ email, password }, role] of accounts) {
    server.cli("account", "create", "--email", email, "--password", password, "--role", role);
  }
}

export async function snap(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
}

/** A SCIM request from "the IdP": a plain fetch with the token the UI handed out. */
export async function scim(token: string, method: string, pathAndQuery: string, body?: unknown) {
  const response = await fetch(`${baseUrl()}/scim/v2${pathAndQuery}`, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { "Content-Type": "application/scim+json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}

import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { databasePath } from "@/db/client";

const SECRET_BYTES = 32;

/**
 * The key that signs session cookies: `BETTER_AUTH_SECRET` when set, otherwise a random key
 * created once and kept beside the database file, so sessions survive restarts.
 */
export function authSecret(): string {
  const fromEnv = process.env.BETTER_AUTH_SECRET;
  if (fromEnv) return fromEnv;
  const file = `${databasePath()}.auth-secret`;
  try {
    fs.writeFileSync(file, randomBytes(SECRET_BYTES).toString("base64url"), {
      flag: "wx",
      mode: 0o600,
    });
  } catch (error) {
    if (!(error instanceof Error && "code" in error && error.code === "EEXIST")) throw error;
  }
  return fs.readFileSync(file, "utf8").trim();
}

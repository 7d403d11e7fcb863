import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { getDb } from "@/db/client";
import { createAccount } from "@/lib/accounts/create-account";
import { CLI_ACTOR } from "@/lib/audit/record-audit";
import { playDemo } from "@/lib/demo/play-demo";
import {
  addDirectory,
  addToken,
  deleteDirectory,
  revokeDirectoryToken,
  updateDirectory,
} from "@/lib/dashboard/manage-directories";
import { findDirectory } from "@/lib/directories/directories";
import { seedDirectory } from "@/lib/seed/seed-directory";

/** A failure the user can fix; printed as JSON on stderr with exit code 1. */
class UsageError extends Error {}

type Command = (args: string[]) => unknown | Promise<unknown>;

function options(args: string[], spec: Record<string, { type: "string" | "boolean" }>) {
  return parseArgs({ args, options: spec, strict: true, allowPositionals: false }).values;
}

function required(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== "string" || value.trim() === "")
    throw new UsageError(`--${name} is required`);
  return value;
}

function positiveInteger(values: Record<string, unknown>, name: string, fallback: number): number {
  const value = values[name];
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0)
    throw new UsageError(`--${name} must be a whole number`);
  return parsed;
}

/** `--rate-limit default` goes back to the server default; absent leaves the limit as it is. */
function rateLimitOption(values: Record<string, unknown>): number | null | undefined {
  const value = values["rate-limit"];
  if (value === undefined) return undefined;
  if (value === "default") return null;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1)
    throw new UsageError("--rate-limit must be a whole number of requests per second, or default");
  return parsed;
}

function directoryOrFail(id: string) {
  const directory = findDirectory(getDb(), id);
  if (!directory) throw new UsageError(`No directory with id ${id}`);
  return directory;
}

const COMMANDS: Record<string, Command> = {
  "directory create": (args) => {
    const values = options(args, {
      name: { type: "string" },
      provider: { type: "string" },
      "rate-limit": { type: "string" },
    });
    const created = addDirectory(
      getDb(),
      CLI_ACTOR,
      { name: required(values, "name"), provider: values.provider ?? "generic" },
      rateLimitOption(values) ?? null,
    );
    return { directory: created.directory, token: created.token, tokenInfo: created.tokenInfo };
  },
  "directory update": (args) => {
    const values = options(args, {
      directory: { type: "string" },
      name: { type: "string" },
      "rate-limit": { type: "string" },
    });
    const directory = directoryOrFail(required(values, "directory"));
    const changes = { name: values.name, rateLimitPerSecond: rateLimitOption(values) };
    if (changes.name === undefined && changes.rateLimitPerSecond === undefined)
      throw new UsageError("Give --name, --rate-limit or both");
    return { directory: updateDirectory(getDb(), CLI_ACTOR, directory.id, changes) };
  },
  "directory delete": (args) => {
    const values = options(args, { directory: { type: "string" } });
    const directory = directoryOrFail(required(values, "directory"));
    return { deleted: deleteDirectory(getDb(), CLI_ACTOR, directory.id) };
  },
  "token create": (args) => {
    const values = options(args, { directory: { type: "string" }, name: { type: "string" } });
    const directory = directoryOrFail(required(values, "directory"));
    return addToken(getDb(), CLI_ACTOR, directory.id, {
      name: typeof values.name === "string" ? values.name : undefined,
    });
  },
  "token revoke": (args) => {
    const values = options(args, { "token-id": { type: "string" } });
    return { revoked: revokeDirectoryToken(getDb(), CLI_ACTOR, required(values, "token-id")) };
  },
  seed: (args) => {
    const values = options(args, {
      directory: { type: "string" },
      users: { type: "string" },
      groups: { type: "string" },
    });
    const directory = directoryOrFail(required(values, "directory"));
    const startedMs = performance.now();
    const counts = seedDirectory(getDb(), directory.id, {
      users: positiveInteger(values, "users", 1000),
      groups: positiveInteger(values, "groups", 50),
    });
    return {
      directory: directory.id,
      ...counts,
      durationMs: Math.round(performance.now() - startedMs),
    };
  },
  "account create": async (args) => {
    const values = options(args, {
      email: { type: "string" },
      password: { type: "string" },
      role: { type: "string" },
      name: { type: "string" },
    });
    const account = await createAccount(getDb(), CLI_ACTOR, {
      email: required(values, "email"),
      password: required(values, "password"),
      role: values.role ?? "viewer",
      name: values.name,
    });
    return { account };
  },
  demo: async (args) => {
    const values = options(args, { url: { type: "string" } });
    const url = typeof values.url === "string" ? values.url : "http://localhost:3000";
    return playDemo(getDb(), url.replace(/\/+$/, ""));
  },
  migrate: () => {
    getDb();
    return { migrated: true };
  },
};

async function run(argv: string[]): Promise<number> {
  const [first = "", second = ""] = argv;
  const twoWord = COMMANDS[`${first} ${second}`];
  const command = twoWord ?? COMMANDS[first];
  const rest = argv.slice(twoWord ? 2 : 1);
  try {
    if (!command)
      throw new UsageError(`Unknown command. Try: ${Object.keys(COMMANDS).join(" | ")}`);
    process.stdout.write(`${JSON.stringify(await command(rest), null, 2)}\n`);
    return 0;
  } catch (error) {
    const message =
      error instanceof ZodError
        ? error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")
        : error instanceof Error
          ? error.message
          : String(error);
    process.stderr.write(`${JSON.stringify({ error: message })}\n`);
    return 1;
  }
}

process.exitCode = await run(process.argv.slice(2));

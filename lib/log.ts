import pino from "pino";

const FLUSH_INTERVAL_MS = 250;

type Logs = { log: pino.Logger; requestLog: pino.Logger; flushSync: () => void };

function createLogs(): Logs {
  // Lines are buffered and written a few kilobytes at a time, or at least four times a second,
  // rather than with a system call each; pino flushes the rest when the process exits.
  const destination = pino.destination({ dest: 1, sync: false, minLength: 4096 });
  setInterval(() => destination.flush(), FLUSH_INTERVAL_MS).unref();
  const options: pino.LoggerOptions = {
    level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "warn" : "info"),
    base: undefined,
  };
  return {
    log: pino(
      {
        ...options,
        redact: {
          paths: ["authorization", "*.authorization", "password", "*.password"],
          censor: "[redacted]",
        },
      },
      destination,
    ),
    // The redaction pass costs as much as the rest of a line, and a summary has no field to mask.
    requestLog: pino(options, destination),
    flushSync: () => {
      try {
        destination.flushSync();
      } catch {
        // A write still in flight finishes on its own; what it holds is not lost.
      }
    },
  };
}

// Next may load this module more than once per process (the proxy, each route); one buffer for
// all of them keeps every line whole and the lines in order.
const globalForLog = globalThis as unknown as { rosterLogs?: Logs };
const logs = (globalForLog.rosterLogs ??= createLogs());

/** The process log: JSON lines on stdout. Never pass tokens, passwords or bodies to it. */
export const log: pino.Logger = logs.log;

export type RequestSummary = {
  method: string;
  path: string;
  status: number;
  duration_ms?: number;
  directory_id?: string;
  user_agent?: string;
};

/** The one line per SCIM request: these fields alone, none of which can hold a secret. */
export function logRequest(summary: RequestSummary): void {
  const { method, path, status, duration_ms, directory_id, user_agent } = summary;
  logs.requestLog.info(
    { method, path, status, duration_ms, directory_id, user_agent },
    "scim.request",
  );
}

/** Writes out buffered lines now: for an exit handler that runs after pino's own last flush. */
export function flushLogSync(): void {
  logs.flushSync();
}

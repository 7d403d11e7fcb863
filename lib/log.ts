import pino from "pino";

const FLUSH_INTERVAL_MS = 250;

function createLog() {
  // Lines are buffered and written a few kilobytes at a time, or at least four times a second,
  // rather than with a system call each; pino flushes the rest when the process exits.
  const destination = pino.destination({ dest: 1, sync: false, minLength: 4096 });
  setInterval(() => destination.flush(), FLUSH_INTERVAL_MS).unref();
  return pino(
    {
      level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "warn" : "info"),
      base: undefined,
      redact: {
        paths: ["authorization", "*.authorization", "password", "*.password"],
        censor: "[redacted]",
      },
    },
    destination,
  );
}

// Next may load this module more than once per process (the proxy, each route); one buffer for
// all of them keeps every line whole and the lines in order.
const globalForLog = globalThis as unknown as { rosterLog?: pino.Logger };

/** The process log: JSON lines on stdout. Never pass tokens, passwords or bodies to it. */
export const log: pino.Logger = (globalForLog.rosterLog ??= createLog());

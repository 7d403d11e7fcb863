import pino from "pino";

/** The process log: JSON lines on stdout. Never pass tokens, passwords or bodies to it. */
export const log = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "warn" : "info"),
  base: undefined,
  redact: {
    paths: ["authorization", "*.authorization", "password", "*.password"],
    censor: "[redacted]",
  },
});

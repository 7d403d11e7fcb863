import { SCHEMAS, type AttributeDef } from "@/lib/scim/schemas";

export const REDACTED = "[redacted]";

function neverReturned(attributes: readonly AttributeDef[]): string[] {
  return attributes.flatMap((attribute) => [
    ...(attribute.returned === "never" ? [attribute.name.toLowerCase()] : []),
    ...neverReturned(attribute.subAttributes ?? []),
  ]);
}

/**
 * Every key whose value never reaches the sync log: what the schemas mark `returned: never`
 * (the password) and credentials a client might put in a body. The one list, kept here.
 */
const SECRET_KEYS = new Set([
  ...SCHEMAS.flatMap((schema) => neverReturned(schema.attributes)),
  "authorization",
  "token",
  "secret",
]);

function keyIsSecret(key: string): boolean {
  const lowered = key.toLowerCase();
  const last =
    lowered
      .slice(lowered.lastIndexOf(":") + 1)
      .split(".")
      .pop() ?? lowered;
  return SECRET_KEYS.has(lowered) || SECRET_KEYS.has(last);
}

const KNOWN_KEYS_MAX = 2_000;
const knownKeys = new Map<string, boolean>();

/** Bodies repeat a few dozen keys, so each key's answer is kept (up to a bound). */
export function isSecretKey(key: string): boolean {
  let isSecret = knownKeys.get(key);
  if (isSecret === undefined) {
    isSecret = keyIsSecret(key);
    if (knownKeys.size < KNOWN_KEYS_MAX) knownKeys.set(key, isSecret);
  }
  return isSecret;
}

/** A PATCH operation whose path names a secret, e.g. `{"op": "replace", "path": "password"}`. */
function isSecretOperation(value: Record<string, unknown>): boolean {
  return typeof value.path === "string" && "value" in value && isSecretKey(value.path);
}

export function redactHeader(name: string, value: string): string {
  if (name.toLowerCase() !== "authorization") return value;
  const scheme = value.split(/\s+/)[0] ?? "";
  return `${scheme} ${REDACTED}`.trim();
}

/** Text cut at `maxBytes` of UTF-8, and whether it was cut. */
export function capText(text: string | undefined, maxBytes: number) {
  if (text === undefined) return { text: null, isTruncated: false };
  if (text.length <= maxBytes / 3) return { text, isTruncated: false };
  if (Buffer.byteLength(text, "utf8") <= maxBytes) return { text, isTruncated: false };
  const bytes = Buffer.from(text, "utf8");
  // Back off to a character boundary: a UTF-8 continuation byte is 10xxxxxx.
  let end = maxBytes;
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end -= 1;
  return { text: bytes.subarray(0, end).toString("utf8"), isTruncated: true };
}

/** A JSON.stringify replacer: the one place that decides what a stored body never shows. */
function maskSecrets(this: unknown, key: string, value: unknown): unknown {
  if (key === "") return value;
  if (isSecretKey(key)) return REDACTED;
  const holder = this as Record<string, unknown>;
  if (key === "value" && !Array.isArray(holder) && isSecretOperation(holder)) return REDACTED;
  return value;
}

/** Serialises a redacted body, cut at `maxBytes` of UTF-8 and marked when cut. */
export function storedBody(body: unknown, maxBytes: number) {
  if (body === undefined) return { text: null, isTruncated: false };
  return capText(JSON.stringify(body, maskSecrets), maxBytes);
}

/**
 * For a body that is not valid JSON and so cannot be redacted structurally: masks any string
 * value that follows a secret key, which covers bodies broken after the secret.
 */
export function redactRawText(text: string): string {
  const keys = [...SECRET_KEYS].join("|");
  const pattern = new RegExp(`("(?:[^"]*[:.])?(?:${keys})"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"?`, "gi");
  return text.replace(pattern, `$1"${REDACTED}"`);
}

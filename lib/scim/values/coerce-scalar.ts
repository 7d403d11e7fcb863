import { badRequest } from "../errors";
import type { AttributeDef } from "../schemas";

/** RFC 7643 §2.3.5: xsd:dateTime, e.g. `2008-01-23T04:56:22Z`, offset optional. */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/i;

/** Whether the fields name a real day and time: Date.parse turns 30 February into 2 March. */
function isCalendarInstant(fields: number[]): boolean {
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = fields;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  const isDay =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  // xsd:dateTime allows 24:00:00, the end of the day.
  const isTime = hour < 24 ? minute < 60 && second < 60 : hour === 24 && minute + second === 0;
  return isDay && isTime;
}

const invalid = (label: string, expected: string) =>
  badRequest("invalidValue", `Attribute "${label}" must be ${expected}`);

export function coerceBoolean(value: unknown, label: string, notes: Set<string>): boolean {
  if (typeof value === "boolean") return value;
  // Entra ID sends booleans as the strings "True" and "False".
  if (typeof value === "string") {
    const lowered = value.trim().toLowerCase();
    if (lowered === "true" || lowered === "false") {
      notes.add("string-boolean");
      return lowered === "true";
    }
  }
  throw invalid(label, "a boolean");
}

function coerceString(def: AttributeDef, value: unknown, label: string): string {
  if (typeof value !== "string") throw invalid(label, "a string");
  if (def.required && value.trim() === "") {
    throw badRequest("invalidValue", `Attribute "${label}" is required and must not be empty`);
  }
  return value;
}

/** The instant an xsd:dateTime names, in ms since the epoch; one without an offset is UTC. */
export function parseDateTime(text: string): number | undefined {
  const match = DATE_TIME.exec(text);
  if (!match || !isCalendarInstant(match.slice(1, 7).map(Number))) return undefined;
  const time = Date.parse(match[8] === undefined ? `${text}Z` : text);
  return Number.isNaN(time) ? undefined : time;
}

function coerceDateTime(value: unknown, label: string): string {
  if (typeof value === "string" && parseDateTime(value) !== undefined) return value;
  throw invalid(label, "an ISO 8601 dateTime such as 2008-01-23T04:56:22Z");
}

/** Checks and coerces a value of a non-complex attribute type (RFC 7643 §2.3). */
export function coerceScalar(
  def: AttributeDef,
  value: unknown,
  label: string,
  notes: Set<string>,
): string | number | boolean {
  switch (def.type) {
    case "boolean":
      return coerceBoolean(value, label, notes);
    case "integer":
      if (typeof value === "number" && Number.isInteger(value)) return value;
      throw invalid(label, "an integer");
    case "decimal":
      if (typeof value === "number" && Number.isFinite(value)) return value;
      throw invalid(label, "a number");
    case "dateTime":
      return coerceDateTime(value, label);
    case "complex":
      throw invalid(label, "a complex object");
    default:
      return coerceString(def, value, label);
  }
}

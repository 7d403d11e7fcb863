import assert from "node:assert";
import vm from "node:vm";
import { z } from "zod";

// Strict objects throughout: a Runscope feature this runner does not implement (auth presets,
// forms, before-scripts, condition steps, initial scripts) fails the parse, never goes unnoticed.
const assertionSchema = z.strictObject({
  source: z.string(),
  comparison: z.string(),
  value: z.string().nullable(),
  property: z.string().optional(),
});

const extractionSchema = z.strictObject({
  source: z.literal("response_json"),
  name: z.string(),
  property: z.string(),
});

const requestStepSchema = z.strictObject({
  step_type: z.literal("request"),
  skipped: z.boolean(),
  note: z.string(),
  auth: z.strictObject({}),
  method: z.string(),
  url: z.string(),
  headers: z.record(z.string(), z.array(z.string())),
  body: z.string().optional(),
  form: z.strictObject({}).optional(),
  multipart_form: z.tuple([]),
  binary_body: z.null().optional(),
  assertions: z.array(assertionSchema),
  variables: z.array(extractionSchema),
  scripts: z.array(z.string()),
  before_scripts: z.tuple([]),
});

const pauseStepSchema = z.strictObject({
  step_type: z.literal("pause"),
  skipped: z.boolean(),
  duration: z.number(),
});

const runscopeTestSchema = z.strictObject({
  version: z.string(),
  exported_at: z.number(),
  name: z.string(),
  description: z.string(),
  trigger_url: z.string(),
  steps: z.array(z.discriminatedUnion("step_type", [requestStepSchema, pauseStepSchema])),
});

export type RunscopeTest = z.infer<typeof runscopeTestSchema>;
export type RunscopeRequestStep = z.infer<typeof requestStepSchema>;
type RunscopeAssertion = z.infer<typeof assertionSchema>;

export type CheckResult = {
  stepIndex: number;
  note: string;
  check: string;
  isPassed: boolean;
  actual: string;
};

export type RunscopeReport = {
  requestCount: number;
  pauseCountSkipped: number;
  results: CheckResult[];
  failures: CheckResult[];
};

type StepResponse = {
  status: number;
  text: string;
  json: unknown;
  headers: Headers;
  timeMs: number;
};

const VARIABLE_PATTERN = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
const JSON_PATH_PATTERN = /^(?:[^.[\]]+|\[\d+\])(?:\.[^.[\]]+|\[\d+\])*$/;
const SCRIPT_TIMEOUT_MS = 1_000;

export function parseRunscopeTest(raw: unknown): RunscopeTest {
  return runscopeTestSchema.parse(raw);
}

/** Replaces every `{{name}}`; a name with no value is an error, never an empty string. */
export function fillVariables(template: string, variables: ReadonlyMap<string, string>): string {
  return template.replace(VARIABLE_PATTERN, (_match, name: string) => {
    const value = variables.get(name);
    if (value === undefined) throw new Error(`Runscope variable "${name}" has no value`);
    return value;
  });
}

function variableNamesIn(template: string): string[] {
  return [...template.matchAll(VARIABLE_PATTERN)].map((match) => match[1] ?? "");
}

function templatesOf(step: RunscopeRequestStep): string[] {
  const headerValues = Object.values(step.headers).flat();
  const assertionValues = step.assertions.flatMap((check) => (check.value ? [check.value] : []));
  return [step.url, step.body ?? "", ...headerValues, ...assertionValues];
}

/** Names that a step uses before any supplied value or earlier extraction defines them. */
export function undefinedVariables(test: RunscopeTest, supplied: Iterable<string>): string[] {
  const known = new Set(supplied);
  const missing = new Set<string>();
  for (const step of test.steps) {
    if (step.step_type !== "request" || step.skipped) continue;
    for (const name of templatesOf(step).flatMap(variableNamesIn)) {
      if (!known.has(name)) missing.add(name);
    }
    for (const extraction of step.variables) known.add(extraction.name);
  }
  return [...missing];
}

/** Reads a Runscope property path such as `Resources[0].emails[0].value`. */
export function readJsonPath(document: unknown, path: string): unknown {
  if (!JSON_PATH_PATTERN.test(path)) throw new Error(`Unsupported JSON property path "${path}"`);
  let current: unknown = document;
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    const [, key, index] = match;
    if (index !== undefined) {
      current = Array.isArray(current) ? current[Number(index)] : undefined;
    } else if (key !== undefined && isRecord(current)) {
      current = current[key];
    } else {
      current = undefined;
    }
  }
  return current;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function asText(value: unknown): string {
  return typeof value === "string" ? value : (JSON.stringify(value) ?? "");
}

function asShown(value: unknown): string {
  return value === undefined ? "(missing)" : JSON.stringify(value);
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === "") return true;
  if (Array.isArray(value)) return value.length === 0;
  return isRecord(value) && Object.keys(value).length === 0;
}

function toNumber(value: unknown): number {
  if (typeof value === "number") return value;
  if (typeof value === "string" && value.trim() !== "") return Number(value);
  return Number.NaN;
}

/** Applies one Runscope comparison; an unknown comparison throws so none is skipped unnoticed. */
export function compare(comparison: string, actual: unknown, expected: string | null): boolean {
  const target = expected ?? "";
  switch (comparison) {
    case "equal":
      return actual !== undefined && asText(actual) === target;
    case "equal_number":
      return toNumber(actual) === toNumber(target);
    case "is_less_than":
      return toNumber(actual) < toNumber(target);
    case "is_a_number":
      return typeof actual === "number" && Number.isFinite(actual);
    case "not_empty":
      return !isEmpty(actual);
    case "has_value":
      return Array.isArray(actual) && actual.some((item) => asText(item) === target);
    case "contains":
      if (Array.isArray(actual)) return actual.some((item) => asText(item) === target);
      return typeof actual === "string" && actual.includes(target);
    default:
      throw new Error(`Unsupported Runscope comparison "${comparison}"`);
  }
}

function sourceValue(check: RunscopeAssertion, response: StepResponse): unknown {
  switch (check.source) {
    case "response_status":
      return response.status;
    case "response_time":
      return response.timeMs;
    case "response_json":
      if (check.property === undefined) throw new Error("response_json assertion needs a property");
      return readJsonPath(response.json, check.property);
    default:
      throw new Error(`Unsupported Runscope assertion source "${check.source}"`);
  }
}

function describeCheck(check: RunscopeAssertion, expected: string | null): string {
  const subject = check.property ? `${check.source} ${check.property}` : check.source;
  const comparison = `${subject} ${check.comparison}`;
  return expected === null ? comparison : `${comparison} "${expected}"`;
}

async function send(step: RunscopeRequestStep, variables: ReadonlyMap<string, string>) {
  const headers = new Headers();
  for (const [name, values] of Object.entries(step.headers)) {
    headers.set(name, values.map((value) => fillVariables(value, variables)).join(", "));
  }
  const url = new URL(fillVariables(step.url, variables));
  const body = step.body === undefined ? undefined : fillVariables(step.body, variables);
  const startedMs = performance.now();
  const response = await fetch(url, { method: step.method, headers, body });
  const text = await response.text();
  const timeMs = performance.now() - startedMs;
  return {
    status: response.status,
    text,
    json: parseJson(text),
    headers: response.headers,
    timeMs,
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Runs a Runscope post-response script with the globals this file's scripts use. */
function runScript(source: string, response: StepResponse, variables: Map<string, string>) {
  const logLines: string[] = [];
  const context = {
    response: {
      status: response.status,
      body: response.text,
      headers: Object.fromEntries(response.headers),
      response_time: response.timeMs,
    },
    variables: {
      get: (name: string) => variables.get(name),
      set: (name: string, value: unknown) => variables.set(name, String(value)),
    },
    assert,
    log: (...items: unknown[]) => logLines.push(items.map(asText).join(" ")),
  };
  try {
    vm.runInNewContext(source, context, { timeout: SCRIPT_TIMEOUT_MS });
    return { isPassed: true, actual: logLines.join("; ") || "(no log)" };
  } catch (error) {
    return { isPassed: false, actual: error instanceof Error ? error.message : String(error) };
  }
}

function checkStep(
  step: RunscopeRequestStep,
  stepIndex: number,
  response: StepResponse,
  variables: Map<string, string>,
): CheckResult[] {
  const note = step.note.trim();
  const results: CheckResult[] = step.assertions.map((check) => {
    const expected = check.value === null ? null : fillVariables(check.value, variables);
    const actual = sourceValue(check, response);
    const isPassed = compare(check.comparison, actual, expected);
    const description = describeCheck(check, expected);
    return { stepIndex, note, check: description, isPassed, actual: asShown(actual) };
  });
  for (const extraction of step.variables) {
    const value = readJsonPath(response.json, extraction.property);
    const isPassed = typeof value === "string" || typeof value === "number";
    variables.set(extraction.name, isPassed ? String(value) : "");
    const check = `extract variable ${extraction.name} from ${extraction.property}`;
    results.push({ stepIndex, note, check, isPassed, actual: asShown(value) });
  }
  step.scripts.forEach((source, index) => {
    if (source.trim() === "") return;
    const outcome = runScript(source, response, variables);
    results.push({ stepIndex, note, check: `script ${index + 1}`, ...outcome });
  });
  return results;
}

/**
 * Sends the test's steps in order and evaluates every assertion, extraction and script. Pause
 * steps are not waited out: Roster commits before it answers, so there is nothing to wait for.
 */
export async function runRunscopeTest(
  test: RunscopeTest,
  supplied: Record<string, string>,
): Promise<RunscopeReport> {
  const missing = undefinedVariables(test, Object.keys(supplied));
  if (missing.length > 0) throw new Error(`Supply Runscope variables: ${missing.join(", ")}`);

  const variables = new Map(Object.entries(supplied));
  const results: CheckResult[] = [];
  let requestCount = 0;
  let pauseCountSkipped = 0;
  for (const [stepIndex, step] of test.steps.entries()) {
    if (step.skipped) continue;
    if (step.step_type === "pause") {
      pauseCountSkipped += 1;
      continue;
    }
    const response = await send(step, variables);
    requestCount += 1;
    results.push(...checkStep(step, stepIndex, response, variables));
  }

  const failures = results.filter((result) => !result.isPassed);
  return { requestCount, pauseCountSkipped, results, failures };
}

/** One line per check, for a failing test's message. */
export function formatReport(report: RunscopeReport): string {
  return report.results
    .map((result) => {
      const mark = result.isPassed ? "PASS" : "FAIL";
      const where = `[step ${result.stepIndex}] ${result.note}`;
      return `${mark} ${where}: ${result.check} (actual: ${result.actual})`;
    })
    .join("\n");
}

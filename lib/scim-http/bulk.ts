import { z } from "zod";
import { badRequest, ScimError, toErrorBody } from "@/lib/scim/errors";
import { BULK_OPERATIONS_MAX } from "@/lib/scim/discovery";
import { BULK_REQUEST, BULK_RESPONSE, PATCH_OP } from "@/lib/scim/urns";
import {
  deferMembers,
  referencedBulkIds,
  resolveBulkIds,
  type BulkIdOutcome,
  type BulkIdOutcomes,
  type DeferredMembers,
} from "@/lib/scim/bulk-ids";
import { log } from "@/lib/log";
import { locationOf } from "@/lib/scim/resource";
import { isScimObject } from "@/lib/scim/values";
import type { ScimRequest } from "./context";
import { dispatch, RESOURCE_SEGMENTS } from "./dispatch";
import type { ScimResult } from "./respond";

const operationSchema = z.object({
  method: z
    .string({ error: (issue) => (issue.input === undefined ? "is required" : "must be a string") })
    .transform((method) => method.toUpperCase())
    .pipe(z.enum(["POST", "PUT", "PATCH", "DELETE"])),
  path: z.string().min(1),
  bulkId: z.string().min(1).optional(),
  version: z.string().optional(),
  data: z.unknown().optional(),
});

const bulkSchema = z.object({
  schemas: z.array(z.string()).refine((urns) => urns.includes(BULK_REQUEST), {
    message: `schemas must include ${BULK_REQUEST}`,
  }),
  failOnErrors: z.number().int().min(1).optional(),
  Operations: z.array(z.unknown()).min(1, "Operations must not be empty"),
});

/** An operation's path as the dispatcher reads it: resolved from the root, split, decoded. */
type Target = { segments: string[]; params: URLSearchParams };
type Operation = z.infer<typeof operationSchema> & { target: Target };

/**
 * Every check on a path looks at what will be dispatched, so that `/%42ulk` or `/Users/../Bulk`
 * is refused as `/Bulk` is, and `/%47roups` is the `/Groups` it names.
 */
function targetOf(path: string): Target {
  const url = new URL(path.replace(/^\/+/, "/"), "http://bulk.invalid");
  let segments: string[];
  try {
    segments = url.pathname.split("/").filter(Boolean).map(decodeURIComponent);
  } catch {
    throw badRequest("invalidPath", `The path "${path}" has malformed percent-encoding`);
  }
  if (segments.length === 1 && segments[0]?.toLowerCase() === "bulk") {
    throw badRequest("invalidPath", "Bulk requests cannot nest");
  }
  return { segments, params: url.searchParams };
}

function parseBulk(body: unknown) {
  const parsed = bulkSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw badRequest(
      "invalidSyntax",
      `Invalid BulkRequest: ${issue?.path.join(".") ?? ""} ${issue?.message ?? ""}`.trim(),
    );
  }
  if (parsed.data.Operations.length > BULK_OPERATIONS_MAX) {
    throw new ScimError(413, `A BulkRequest may hold at most ${BULK_OPERATIONS_MAX} operations`);
  }
  return parsed.data;
}

/** One operation of the request, parsed, with what it must wait for. */
type Planned = {
  index: number;
  /** bulkIds of this request's POSTs that the operation refers to. */
  needs: Set<string>;
  /** The bulkId this operation creates: a POST's, unless an earlier POST took it. */
  defines?: string;
} & (
  | { operation: Operation; refusal: ScimResult | undefined }
  /** Unparseable: only the answer that says why, and what of the request it can echo. */
  | { operation: undefined; refusal: ScimResult; echo: Echo }
);

/** What an answer repeats of its request operation (RFC 7644 §3.7.3). */
type Echo = { method?: string; bulkId?: string };

/** The method and bulkId of an operation that could not be parsed, as far as they are strings. */
function echoOf(raw: unknown): Echo {
  const { method, bulkId } = isScimObject(raw) ? raw : {};
  return {
    ...(typeof method === "string" ? { method } : {}),
    ...(typeof bulkId === "string" && bulkId !== "" ? { bulkId } : {}),
  };
}

const echoOfPlanned = (planned: Planned): Echo =>
  planned.operation === undefined ? planned.echo : planned.operation;

function planOperation(raw: unknown, index: number): Planned {
  const needs = new Set<string>();
  const parsed = operationSchema.safeParse(raw);
  if (!parsed.success) {
    const detail = parsed.error.issues
      .map((issue) => `${issue.path.join(".")}: ${issue.message}`)
      .join("; ");
    const refusal = errorOf(badRequest("invalidSyntax", `Invalid operation: ${detail}`));
    return { index, needs, operation: undefined, refusal, echo: echoOf(raw) };
  }
  let target: Target;
  try {
    target = targetOf(parsed.data.path);
  } catch (error) {
    if (!(error instanceof ScimError)) throw error;
    // Refused, the operation never runs: it only names its method and bulkId in the answer.
    const operation = { ...parsed.data, target: { segments: [], params: new URLSearchParams() } };
    return { index, needs, operation, refusal: errorOf(error) };
  }
  const operation = { ...parsed.data, target };
  if (operation.method === "POST" && !operation.bulkId) {
    const refusal = errorOf(badRequest("invalidValue", "POST operations need a bulkId"));
    return { index, needs, operation, refusal };
  }
  return { index, needs, operation, refusal: undefined };
}

/**
 * Parses every operation and finds which POST each bulkId belongs to; an operation may refer to
 * a POST that comes later in the request (RFC 7644 §3.7.2), so order follows the references.
 */
function planOperations(raws: unknown[]): Planned[] {
  const planned = raws.map(planOperation);
  const definedAt = new Map<string, number>();
  for (const item of planned) {
    const bulkId = item.operation?.method === "POST" ? item.operation.bulkId : undefined;
    if (bulkId === undefined) continue;
    const earlier = definedAt.get(bulkId);
    if (earlier === undefined) {
      definedAt.set(bulkId, item.index);
      item.defines = bulkId;
    } else {
      const detail = `bulkId "${bulkId}" is already used by operation ${earlier + 1}`;
      if (item.operation) item.refusal ??= errorOf(badRequest("invalidValue", detail));
    }
  }
  for (const item of planned) {
    if (!item.operation || item.refusal) continue;
    // In a path, a reference is a whole segment: `/Users/bulkId:u1`.
    const referred = referencedBulkIds(item.operation.target.segments);
    referencedBulkIds(item.operation.data, referred);
    item.needs = new Set([...referred].filter((bulkId) => definedAt.has(bulkId)));
  }
  return planned;
}

type Outcome = { result: ScimResult; location?: string };

async function runOperation(
  req: ScimRequest,
  operation: Operation,
  outcomes: BulkIdOutcomes,
  data: unknown,
): Promise<Outcome> {
  try {
    const segments = operation.target.segments.map((segment) =>
      String(resolveBulkIds(segment, outcomes)),
    );
    const result = await dispatch({
      ...req,
      method: operation.method,
      segments,
      params: operation.target.params,
      body: resolveBulkIds(data, outcomes),
      ifMatch: operation.version,
      ifNoneMatch: undefined,
    });
    // RFC 7644 §3.7.3: every operation but a failed POST names its resource's URI.
    const location = operation.method === "POST" ? undefined : locationOfPath(req, segments);
    return { result, location };
  } catch (error) {
    if (error instanceof ScimError) return { result: errorOf(error) };
    log.error({ err: error }, "scim.bulk_operation_failed");
    return { result: errorOf(new ScimError(500, "The operation could not be completed")) };
  }
}

/** The URI of the resource a path names, as the server spells it: `/users/x` is `/Users/x`. */
function locationOfPath(req: ScimRequest, segments: string[]): string {
  const [head = "", id, ...rest] = segments;
  const kind = RESOURCE_SEGMENTS[head.toLowerCase()];
  if (kind && id && rest.length === 0) return locationOf(kind, id, req.baseUrl);
  return `${req.baseUrl}/${segments.map(encodeURIComponent).join("/")}`;
}

/** A refused operation's answer, or what running it gave. */
async function outcomeOf(
  req: ScimRequest,
  planned: Planned,
  outcomes: BulkIdOutcomes,
  data: unknown,
): Promise<Outcome> {
  if (planned.operation === undefined) return { result: planned.refusal };
  if (planned.refusal) return { result: planned.refusal };
  return runOperation(req, planned.operation, outcomes, data ?? planned.operation.data);
}

function errorOf(error: ScimError): ScimResult {
  return { status: error.status, body: toErrorBody(error) };
}

function responseOf(echo: Echo, result: ScimResult, target?: string) {
  const location = result.headers?.Location ?? target;
  const version = result.headers?.ETag;
  return {
    ...(echo.method === undefined ? {} : { method: echo.method }),
    ...(echo.bulkId ? { bulkId: echo.bulkId } : {}),
    ...(version ? { version } : {}),
    ...(location ? { location } : {}),
    status: String(result.status),
    ...(result.status >= 400 ? { response: result.body } : {}),
  };
}

type BulkResponse = ReturnType<typeof responseOf>;

/** A group created without members that referred to resources not created yet. */
type Deferral = { planned: Planned; groupId: string; members: unknown[]; needs: Set<string> };

const isGroupPost = (operation: Operation | undefined) =>
  operation?.method === "POST" &&
  operation.target.segments.length === 1 &&
  operation.target.segments[0]?.toLowerCase() === "groups";

function createdId(result: ScimResult): string | undefined {
  const id = (result.body as { id?: unknown } | undefined)?.id;
  return result.status === 201 && typeof id === "string" ? id : undefined;
}

/** Why `member` cannot be resolved, or undefined when every bulkId in it names a created id. */
function unresolvedReason(member: unknown, outcomes: BulkIdOutcomes): string | undefined {
  try {
    resolveBulkIds(member, outcomes);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Adds the members a group was created without, once every resource they refer to has been
 * created or has failed. The group exists by then, as others may refer to it: when some member
 * cannot be added (its POST failed), the members that can are added, and the group's answer
 * becomes the error, with the group's location. Returns the number of errors.
 */
async function completeDeferrals(
  req: ScimRequest,
  deferrals: Deferral[],
  outcomes: BulkIdOutcomes,
  responses: BulkResponse[],
): Promise<number> {
  let errors = 0;
  for (const deferral of [...deferrals]) {
    if (![...deferral.needs].every((bulkId) => outcomes.has(bulkId))) continue;
    deferrals.splice(deferrals.indexOf(deferral), 1);
    const reasons = deferral.members.map((member) => unresolvedReason(member, outcomes));
    const members = deferral.members.filter((_, index) => reasons[index] === undefined);
    const problems = reasons.filter((reason) => reason !== undefined);
    const answered = responses[deferral.planned.index];
    let status = 409;
    let version = answered?.version;
    if (members.length > 0) {
      const add: Operation = {
        method: "PATCH",
        path: `/Groups/${deferral.groupId}`,
        target: { segments: ["Groups", deferral.groupId], params: new URLSearchParams() },
        data: { schemas: [PATCH_OP], Operations: [{ op: "add", path: "members", value: members }] },
      };
      const { result } = await runOperation(req, add, outcomes, add.data);
      // The group's answer reports the version it has now, with the members it has.
      version = result.headers?.ETag ?? version;
      if (answered && version) answered.version = version;
      if (result.status >= 400) {
        status = result.status;
        const detail = (result.body as { detail?: unknown } | undefined)?.detail;
        problems.unshift(typeof detail === "string" ? detail : `status ${result.status}`);
      }
    }
    if (problems.length === 0) continue;
    errors += 1;
    const detail = `The group was created, but not all its members: ${problems.join("; ")}`;
    const failure = {
      ...errorOf(new ScimError(status, detail, "invalidValue")),
      ...(version ? { headers: { ETag: version } } : {}),
    };
    const location = locationOf("Group", deferral.groupId, req.baseUrl);
    responses[deferral.planned.index] = responseOf(
      echoOfPlanned(deferral.planned),
      failure,
      location,
    );
  }
  return errors;
}

/**
 * An operation on a cycle of references, found by following unsettled references from the first
 * pending operation until one comes round again; called only when none is ready.
 */
function cycleMember(pending: Planned[], outcomes: BulkIdOutcomes): Planned {
  const definers = new Map(pending.flatMap((item) => (item.defines ? [[item.defines, item]] : [])));
  const seen = new Set<Planned>();
  let item = pending[0] as Planned;
  while (!seen.has(item)) {
    seen.add(item);
    const waitsFor = [...item.needs].find((bulkId) => !outcomes.has(bulkId));
    const definer = waitsFor === undefined ? undefined : definers.get(waitsFor);
    if (!definer) return item;
    item = definer;
  }
  return item;
}

/**
 * Runs the operations in request order, except that one referring to a later POST's bulkId waits
 * for it. A cycle of references (RFC 7644 §3.7.1) is broken at a group whose members close it:
 * the group is created first and those members added when they exist. Any other cycle is a 409.
 * Each operation has its own transaction; processing stops after `failOnErrors` errors.
 */
export async function runBulk(req: ScimRequest): Promise<ScimResult> {
  const bulk = parseBulk(req.body);
  const outcomes = new Map<string, BulkIdOutcome>();
  const responses: BulkResponse[] = [];
  const deferrals: Deferral[] = [];
  let pending = planOperations(bulk.Operations);
  let errors = 0;
  const isStopped = () => bulk.failOnErrors !== undefined && errors >= bulk.failOnErrors;
  const isReady = (item: Planned) => [...item.needs].every((bulkId) => outcomes.has(bulkId));
  while (pending.length > 0 && !isStopped()) {
    let next = pending.find(isReady);
    let deferred: DeferredMembers | undefined;
    if (!next) {
      const waiting = new Set(pending.flatMap((item) => item.defines ?? []));
      next = pending.find((item) => {
        // A group that names itself cannot go first: it would wait on itself.
        const isSelfReferring = item.defines !== undefined && item.needs.has(item.defines);
        deferred =
          isGroupPost(item.operation) && !isSelfReferring
            ? deferMembers(item.operation?.data, waiting)
            : undefined;
        return deferred !== undefined;
      });
    }
    if (!next) {
      // No group can break the cycle: one operation in it is refused, and what waited on it
      // fails or runs in turn, with references that say why.
      const first = cycleMember(pending, outcomes);
      pending = pending.filter((item) => item !== first);
      const circular = new ScimError(409, "The bulkId references form a cycle", "invalidValue");
      if (first.defines !== undefined) {
        outcomes.set(first.defines, { failed: "its POST is part of a cycle of references" });
      }
      responses[first.index] = responseOf(echoOfPlanned(first), errorOf(circular));
      errors += 1;
      if (!isStopped()) errors += await completeDeferrals(req, deferrals, outcomes, responses);
      continue;
    }
    const planned = next;
    pending = pending.filter((item) => item !== planned);
    const outcome = await outcomeOf(req, planned, outcomes, deferred?.data);
    const { result } = outcome;
    const id = createdId(result);
    if (planned.defines !== undefined) {
      const failed = `its POST failed with status ${result.status}`;
      outcomes.set(planned.defines, id === undefined ? { failed } : { id });
    }
    responses[planned.index] = responseOf(echoOfPlanned(planned), result, outcome.location);
    if (result.status >= 400) errors += 1;
    if (deferred && id !== undefined) {
      const referred = referencedBulkIds(deferred.members);
      const needs = new Set([...referred].filter((bulkId) => planned.needs.has(bulkId)));
      deferrals.push({ planned, groupId: id, members: deferred.members, needs });
    }
    if (!isStopped()) errors += await completeDeferrals(req, deferrals, outcomes, responses);
  }
  // Answers in the order of the request, whatever order the operations ran in.
  const answered = responses.filter((response) => response !== undefined);
  return { status: 200, body: { schemas: [BULK_RESPONSE], Operations: answered } };
}

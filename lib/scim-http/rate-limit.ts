/**
 * A token bucket per SCIM token: `ratePerSecond` sustained, bursts up to twice that. The default
 * sits above what one server here can answer, so a full-speed sync is never throttled while a
 * runaway client that loops on errors is still stopped once it outruns the refill.
 */
export const DEFAULT_RATE_PER_SECOND = 5_000;
export const RATE_PER_SECOND_MAX = 100_000;
const BURST_SECONDS = 2;

type Bucket = { tokens: number; updatedMs: number };

const buckets = new Map<string, Bucket>();

/** Takes one request from the bucket; returns seconds to wait when it is empty. */
export function takeRequest(key: string, ratePerSecond: number, nowMs = Date.now()): number {
  const capacity = ratePerSecond * BURST_SECONDS;
  const bucket = buckets.get(key) ?? { tokens: capacity, updatedMs: nowMs };
  const refilled = Math.min(
    capacity,
    bucket.tokens + ((nowMs - bucket.updatedMs) / 1000) * ratePerSecond,
  );
  if (refilled < 1) {
    buckets.set(key, { tokens: refilled, updatedMs: nowMs });
    return Math.max(1, Math.ceil((1 - refilled) / ratePerSecond));
  }
  buckets.set(key, { tokens: refilled - 1, updatedMs: nowMs });
  return 0;
}

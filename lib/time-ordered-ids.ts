import { randomFillSync } from "node:crypto";
import { v7 as uuidv7 } from "uuid";

const IDS_PER_FILL = 256;
const RANDOM_BYTES = 16;

const pool = new Uint8Array(IDS_PER_FILL * RANDOM_BYTES);
let poolOffset = pool.length;
let lastMs = -1;
let sequence = 0;

function randomBytes16(): Uint8Array {
  if (poolOffset === pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  poolOffset += RANDOM_BYTES;
  return pool.subarray(poolOffset - RANDOM_BYTES, poolOffset);
}

/**
 * A UUIDv7 for rows that arrive in time order: sync-log entries, users and groups. Ids sort in
 * the order they were made, counting up within a millisecond (RFC 9562 §6.2), so a new row's
 * entry in each index keyed by its id (the primary key, a user's emails, its change events)
 * lands on the B-tree's last page instead of a random one: in an A/B, creates ran at 61% of
 * health's rate instead of 55%. The random bits come from a pool filled 256 ids at a time, as
 * asking the kernel for 16 bytes per id cost more than the rest of a lookup's logging.
 */
export function newTimeOrderedId(): string {
  const nowMs = Date.now();
  if (nowMs > lastMs) {
    lastMs = nowMs;
    sequence = 0;
  } else {
    sequence += 1;
  }
  return uuidv7({ random: randomBytes16(), msecs: lastMs, seq: sequence });
}

/** The smallest id an entry made at `atMs` or later can have, for id ranges by time. */
export function firstTimeOrderedIdAt(atMs: number): string {
  return uuidv7({ random: new Uint8Array(RANDOM_BYTES), msecs: atMs, seq: 0 });
}

/** When a time-ordered id was made, to the millisecond: its leading 48 bits. */
export function timeOfTimeOrderedId(id: string): number {
  return Number.parseInt(id.slice(0, 13).replace("-", ""), 16);
}

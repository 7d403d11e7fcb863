import { hash, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import { preparedFor, writeUnlessLocked, type Db, type Queryable } from "@/db/client";
import { directories, tokens, type Provider } from "@/db/schema";

const SECRET_BYTES = 32;
const LAST_USED_WRITE_INTERVAL_MS = 60_000;
const LOCKED_RETRY_MS = 5_000;

export type TokenSummary = {
  id: string;
  directoryId: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

export type Authenticated = {
  tokenId: string;
  tokenName: string;
  directoryId: string;
  provider: Provider;
  rateLimitPerSecond: number | null;
};

function hashSecret(secret: string): string {
  return hash("sha256", secret, "hex");
}

/** Creates a bearer token; the secret is returned once and only its hash is kept. */
export function createToken(db: Queryable, directoryId: string, name = "default") {
  const secret = `rst_${randomBytes(SECRET_BYTES).toString("base64url")}`;
  const row = db
    .insert(tokens)
    .values({
      id: randomUUID(),
      directoryId,
      name,
      secretHash: hashSecret(secret),
      createdAt: new Date().toISOString(),
    })
    .returning()
    .get();
  const { secretHash: _hash, ...summary } = row;
  return { token: secret, ...summary } satisfies TokenSummary & { token: string };
}

export function revokeToken(db: Db, tokenId: string): TokenSummary | undefined {
  forgetTokens();
  const row = db
    .update(tokens)
    .set({ revokedAt: new Date().toISOString() })
    .where(and(eq(tokens.id, tokenId), isNull(tokens.revokedAt)))
    .returning()
    .get();
  if (!row) return undefined;
  const { secretHash: _hash, ...summary } = row;
  return summary;
}

/** When each token's next last_used_at write is due, in epoch ms. */
const nextUseWrites = new Map<string, number>();

const findTokenByHash = preparedFor((db) =>
  db
    .select({
      id: tokens.id,
      name: tokens.name,
      secretHash: tokens.secretHash,
      directoryId: tokens.directoryId,
      revokedAt: tokens.revokedAt,
      rateLimitPerSecond: directories.rateLimitPerSecond,
      provider: directories.provider,
    })
    .from(tokens)
    .innerJoin(directories, eq(directories.id, tokens.directoryId))
    .where(eq(tokens.secretHash, sql.placeholder("hash")))
    .prepare(),
);

type TokenRow = NonNullable<ReturnType<ReturnType<typeof findTokenByHash>["get"]>>;

const CACHED_TOKENS_MAX = 1_000;

/**
 * Live tokens by secret hash, so a SCIM request skips the token query. Held on globalThis because
 * Next may load this module more than once per process and a revocation must reach every copy.
 * SQLite's data_version moves when another process (the CLI) commits, which empties the cache.
 * Reading it costs a read transaction, so it is read at most every VERSION_CHECK_MS: a token
 * revoked by the CLI stops working within that time, one revoked in this process at once.
 */
type TokenCache = { dataVersion: unknown; checkedMs: number; rows: Map<string, TokenRow> };
const globalForTokens = globalThis as unknown as { rosterTokenCache?: TokenCache };
const VERSION_CHECK_MS = 250;

function tokenCache(): TokenCache {
  globalForTokens.rosterTokenCache ??= {
    dataVersion: undefined,
    checkedMs: -Infinity,
    rows: new Map(),
  };
  return globalForTokens.rosterTokenCache;
}

/** Empties this process's cache; call after any change to tokens or their directory. */
export function forgetTokens(): void {
  tokenCache().rows.clear();
}

function dataVersion(db: Db): unknown {
  return (db.$client.prepare("PRAGMA data_version").get() as { data_version: number }).data_version;
}

function dropIfChanged(db: Db, cache: TokenCache): void {
  const nowMs = performance.now();
  if (nowMs - cache.checkedMs < VERSION_CHECK_MS) return;
  cache.checkedMs = nowMs;
  const version = dataVersion(db);
  if (version !== cache.dataVersion) {
    cache.rows.clear();
    cache.dataVersion = version;
  }
}

function findLiveToken(db: Db, hash: string): TokenRow | undefined {
  const cache = tokenCache();
  dropIfChanged(db, cache);
  const cached = cache.rows.get(hash);
  if (cached) return cached;
  const row = findTokenByHash(db).get({ hash });
  if (!row || row.revokedAt !== null) return undefined;
  if (cache.rows.size >= CACHED_TOKENS_MAX) cache.rows.clear();
  cache.rows.set(hash, row);
  return row;
}

/**
 * Finds the live token for a bearer secret. The lookup goes by hash, and the stored hash is
 * compared again in constant time so that timing reveals nothing about near misses.
 */
export function authenticate(db: Db, secret: string): Authenticated | undefined {
  const hash = hashSecret(secret);
  const row = findLiveToken(db, hash);
  if (!row) return undefined;
  if (!timingSafeEqual(Buffer.from(row.secretHash), Buffer.from(hash))) return undefined;
  recordUse(db, row.id);
  return {
    tokenId: row.id,
    tokenName: row.name,
    directoryId: row.directoryId,
    provider: row.provider,
    rateLimitPerSecond: row.rateLimitPerSecond,
  };
}

/** Whose a revoked token is, for the sync log: a refused request still shows in its directory. */
export function findRevokedToken(
  db: Db,
  secret: string,
): Pick<Authenticated, "tokenId" | "tokenName" | "directoryId"> | undefined {
  const hash = hashSecret(secret);
  const row = findTokenByHash(db).get({ hash });
  if (!row || row.revokedAt === null) return undefined;
  if (!timingSafeEqual(Buffer.from(row.secretHash), Buffer.from(hash))) return undefined;
  return { tokenId: row.id, tokenName: row.name, directoryId: row.directoryId };
}

/**
 * last_used_at is written at most once a minute per token, to keep reads free of writes. While
 * another connection holds the write lock, the request goes on without waiting and a request a
 * few seconds later writes it.
 */
function recordUse(db: Db, tokenId: string): void {
  const nowMs = Date.now();
  if (nowMs < (nextUseWrites.get(tokenId) ?? 0)) return;
  const isWritten = writeUnlessLocked(db, () => {
    db.update(tokens)
      .set({ lastUsedAt: new Date(nowMs).toISOString() })
      .where(eq(tokens.id, tokenId))
      .run();
  });
  nextUseWrites.set(tokenId, nowMs + (isWritten ? LAST_USED_WRITE_INTERVAL_MS : LOCKED_RETRY_MS));
}

export function listTokens(db: Db, directoryId: string): TokenSummary[] {
  return db
    .select({
      id: tokens.id,
      directoryId: tokens.directoryId,
      name: tokens.name,
      createdAt: tokens.createdAt,
      lastUsedAt: tokens.lastUsedAt,
      revokedAt: tokens.revokedAt,
    })
    .from(tokens)
    .where(eq(tokens.directoryId, directoryId))
    .all();
}

import type { Db } from "@/db/client";
import { registerVersions } from "@/db/schema";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { conflict } from "@/lib/dashboard/errors";
import { buildChangelog, isEmptyChangelog, type Changelog } from "./changelog";
import {
  contentSha256,
  getVersion,
  latestVersion,
  publishableEntries,
  type Version,
} from "./versions";

/** What "Publish" would record now: the draft's changes against the latest version. */
export function pendingChangelog(db: Db): Changelog {
  const latest = latestVersion(db);
  return buildChangelog(latest?.entries ?? [], publishableEntries(db), latest?.number ?? null);
}

/**
 * Freezes the draft as the next numbered version. Immediate, so two publishers cannot both take
 * the same number; refused when nothing changed since the latest version.
 */
export function publishVersion(db: Db, actor: Actor): Version {
  const number = db.transaction(
    (tx) => {
      const latest = latestVersion(tx);
      const entries = publishableEntries(tx);
      const changelog = buildChangelog(latest?.entries ?? [], entries, latest?.number ?? null);
      if (latest && isEmptyChangelog(changelog)) {
        throw conflict(
          `Nothing changed since version ${latest.number}; there is nothing to publish.`,
        );
      }
      const next = (latest?.number ?? 0) + 1;
      const sha256 = contentSha256(entries);
      tx.insert(registerVersions)
        .values({
          number: next,
          publishedAt: new Date().toISOString(),
          publishedById: actor.id,
          publishedByLabel: actor.label,
          entries,
          changelog,
          sha256,
        })
        .run();
      recordAudit(tx, actor, {
        action: "register_version.published",
        targetType: "register_version",
        targetId: String(next),
        targetLabel: `Version ${next}`,
        detail: {
          entries: entries.length,
          added: changelog.added.length,
          removed: changelog.removed.length,
          changed: changelog.changed.length,
          sha256,
        },
      });
      return next;
    },
    { behavior: "immediate" },
  );
  return getVersion(db, number);
}

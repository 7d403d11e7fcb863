import { z } from "zod";
import type { Queryable } from "@/db/client";
import { buildChangelog, type Changelog } from "./changelog";
import { loadRegister, versionParam, type RegisterContent } from "./register-content";

const compareQuery = z.object({ from: versionParam, to: versionParam });

export type Comparison = { from: RegisterContent; to: RegisterContent; changelog: Changelog };

/** Any two registers side by side, published versions or the draft, with what changed. */
export function compareVersions(db: Queryable, input: unknown): Comparison {
  const query = compareQuery.parse(input);

  const from = loadRegister(db, query.from);
  const to = loadRegister(db, query.to);
  return { from, to, changelog: buildChangelog(from.entries, to.entries, from.version) };
}

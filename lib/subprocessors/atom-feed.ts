import { FIELD_LABELS, type EntryField } from "./types";
import type { PublicVersion } from "./public-register";

const escapeXml = (text: string) =>
  text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");

const fieldNames = (fields: string[]) =>
  fields.map((field) => FIELD_LABELS[field as EntryField] ?? field).join(", ");

/** One sentence per kind of change, for feed readers that show plain text. */
export function describeChanges(version: PublicVersion): string[] {
  const { added, removed, changed } = version.changes;
  const lines: string[] = [];
  if (added.length > 0) lines.push(`Added: ${added.map((entry) => entry.name).join(", ")}.`);
  if (removed.length > 0) lines.push(`Removed: ${removed.map((entry) => entry.name).join(", ")}.`);
  for (const entry of changed) {
    lines.push(
      `Changed ${entry.name}: ${fieldNames(entry.changes.map((change) => change.field))}.`,
    );
  }
  if (lines.length === 0) lines.push("No changes to the published list; internal details only.");
  return lines;
}

/**
 * RFC 4287 Atom feed: one entry per published version, newest first. §4.2.1 requires a feed
 * author; while no company name is set, the site's host stands in.
 */
export function atomFeed(
  versions: PublicVersion[],
  origin: string,
  companyName: string | null,
): string {
  const page = `${origin}/trust/subprocessors`;
  const title = companyName ? `${companyName} sub-processors` : "Sub-processors";
  const author = companyName ?? new URL(origin).host;
  const updated = versions[0]?.publishedAt ?? new Date(0).toISOString();
  const entries = versions.map((version) => {
    const lines = describeChanges(version);
    return [
      "  <entry>",
      `    <id>${escapeXml(`${page}#version-${version.version}`)}</id>`,
      `    <title>Sub-processor list version ${version.version} published</title>`,
      `    <updated>${version.publishedAt}</updated>`,
      `    <published>${version.publishedAt}</published>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(page)}"/>`,
      `    <summary type="text">${escapeXml(lines.join(" "))}</summary>`,
      `    <content type="text">${escapeXml(lines.join("\n"))}</content>`,
      "  </entry>",
    ].join("\n");
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${escapeXml(page)}</id>`,
    `  <title>${escapeXml(title)}</title>`,
    "  <subtitle>Changes to the list of third parties that process customer data</subtitle>",
    `  <updated>${updated}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(`${page}.atom`)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(page)}"/>`,
    `  <author><name>${escapeXml(author)}</name></author>`,
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}

import type { Metadata } from "next";
import { ChangelogView } from "@/components/subprocessors/changelog-view";
import { getDb } from "@/db/client";
import {
  DATA_CATEGORY_INFO,
  REGION_LABELS,
  ROLE_LABELS,
  TRANSFER_LABELS,
} from "@/lib/subprocessors/catalog";
import { describeCertification } from "@/lib/subprocessors/format";
import { latestPublicVersion, type PublicEntry } from "@/lib/subprocessors/public-register";
import { companyNameOf, processorsFor } from "@/lib/subprocessors/publisher";
import "@/components/subprocessors/register.css";

export const dynamic = "force-dynamic";

export function generateMetadata(): Metadata {
  const companyName = companyNameOf(getDb());
  return {
    // The public page is the operator's, so the dashboard's "· Roster" title suffix stays off.
    title: { absolute: companyName ? `Sub-processors · ${companyName}` : "Sub-processors" },
    description: `${processorsFor(companyName)}, and where.`,
    alternates: {
      types: {
        "application/atom+xml": "/trust/subprocessors.atom",
        "application/json": "/trust/subprocessors.json",
      },
    },
  };
}

const longDate = new Intl.DateTimeFormat("en", { dateStyle: "long", timeZone: "UTC" });
const formatDate = (iso: string) => longDate.format(new Date(iso));

function Regions({ codes }: { codes: PublicEntry["storageRegions"] }) {
  return <>{codes.map((code) => REGION_LABELS[code]).join(", ")}</>;
}

function EntryRow({ entry }: { entry: PublicEntry }) {
  return (
    <tr>
      <td>
        <div className="cell-stack">
          <strong>{entry.name}</strong>
          <span className="muted small">{entry.legalEntity}</span>
          {entry.website ? (
            <a className="small" href={entry.website} rel="noreferrer noopener">
              {new URL(entry.website).host}
            </a>
          ) : null}
          {entry.parent ? (
            <span className="muted small">Sub-processor of {entry.parent}</span>
          ) : null}
        </div>
      </td>
      <td>
        <div className="cell-stack">
          <span>{entry.purpose}</span>
          <span className="muted small">{ROLE_LABELS[entry.role]}</span>
        </div>
      </td>
      <td>
        {entry.dataCategories.map((category) => DATA_CATEGORY_INFO[category].label).join(", ")}
      </td>
      <td>
        <div className="cell-stack">
          <span>
            Stored: <Regions codes={entry.storageRegions} />
          </span>
          <span>
            Processed: <Regions codes={entry.processingRegions} />
          </span>
          {entry.transferMechanism && entry.transferMechanism !== "not_applicable" ? (
            <span className="muted small">{TRANSFER_LABELS[entry.transferMechanism]}</span>
          ) : null}
        </div>
      </td>
      <td>
        {entry.certifications.length > 0 ? (
          entry.certifications.map(describeCertification).join(", ")
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td>
        {entry.status === "proposed" ? (
          <span className="badge badge-info">
            {entry.effectiveOn ? `From ${formatDate(entry.effectiveOn)}` : "Upcoming"}
          </span>
        ) : (
          <span className="badge badge-success">In use</span>
        )}
      </td>
    </tr>
  );
}

const JSON_LINK = <a href="/trust/subprocessors.json">subprocessors.json</a>;

export default function TrustSubprocessorsPage() {
  const db = getDb();
  const version = latestPublicVersion(db);
  const companyName = companyNameOf(db);
  const names = Object.fromEntries(version?.entries.map((entry) => [entry.id, entry.name]) ?? []);

  return (
    <main className="trust-page">
      <header className="trust-header">
        <p className="page-eyebrow">
          {companyName ? `${companyName} trust center` : "Trust center"}
        </p>
        <h1>Sub-processors</h1>
        <p className="page-description">
          {processorsFor(companyName)} (GDPR Art. 28): what they do, which data they see and where
          it is stored and processed.
        </p>
        <p className="trust-links">
          <a href="/trust/subprocessors.atom">Follow changes (Atom feed)</a>
          <a href="/trust/subprocessors.json">JSON</a>
        </p>
      </header>
      {version ? (
        <>
          <p className="trust-version">
            <strong>{`Version ${version.version}`}</strong>
            {` · published ${formatDate(version.publishedAt)} · ${version.entries.length} `}
            {version.entries.length === 1 ? "sub-processor" : "sub-processors"}
          </p>
          <div className="table-wrap">
            <table className="data-table trust-table" aria-label="Sub-processors">
              <thead>
                <tr>
                  <th>Sub-processor</th>
                  <th>Purpose</th>
                  <th>Data</th>
                  <th>Location</th>
                  <th>Certifications</th>
                  <th>Status</th>
                </tr>
              </thead>
              <tbody>
                {version.entries.map((entry) => (
                  <EntryRow key={entry.id} entry={entry} />
                ))}
              </tbody>
            </table>
          </div>
          <section className="section card" id={`version-${version.version}`}>
            <h2 className="card-title">{`What changed in version ${version.version}`}</h2>
            <ChangelogView
              changelog={version.changes}
              names={names}
              emptyText="Nothing in the published list changed."
            />
          </section>
          <p className="muted small trust-hash">
            SHA-256 of the public entries of version {version.version} (the <code>entries</code> of
            {JSON_LINK} as canonical JSON: keys sorted, no whitespace):{" "}
            <code>{version.sha256}</code>. It covers only what this page publishes; the register’s
            own exports hash internal fields too, so their hash differs.
          </p>
        </>
      ) : (
        <div className="state state-empty">
          <p className="state-title">No sub-processor list has been published yet</p>
          <p className="state-body">Check back soon, or follow the Atom feed to hear when it is.</p>
        </div>
      )}
    </main>
  );
}

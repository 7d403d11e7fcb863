import Link from "next/link";
import { DATA_CATEGORY_INFO } from "@/lib/subprocessors/catalog";
import type { DataAccess } from "@/lib/subprocessors/list-entries";

/** Which vendors see which SCIM attributes: one row per data category Roster holds. */
export function DataAccessTable({ access }: { access: DataAccess[] }) {
  return (
    <section className="card" aria-labelledby="data-access-title">
      <h2 className="card-title" id="data-access-title">
        Who sees which SCIM data
      </h2>
      <p className="muted small">Sub-processors that are proposed or active.</p>
      <table className="data-table compact">
        <thead>
          <tr>
            <th>Data</th>
            <th>SCIM attributes</th>
            <th>Sub-processors</th>
          </tr>
        </thead>
        <tbody>
          {access.map((row) => (
            <tr key={row.category}>
              <td>{DATA_CATEGORY_INFO[row.category].label}</td>
              <td className="muted small">
                {DATA_CATEGORY_INFO[row.category].attributes.join(", ")}
              </td>
              <td>
                {row.vendors.length === 0 ? (
                  <span className="muted">None</span>
                ) : (
                  row.vendors.map((vendor, index) => (
                    <span key={vendor.id}>
                      {index > 0 ? ", " : ""}
                      <Link href={`/subprocessors/${vendor.id}`}>{vendor.name}</Link>
                    </span>
                  ))
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

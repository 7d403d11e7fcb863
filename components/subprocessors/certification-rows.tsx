import { CERTIFICATION_LABELS, CERTIFICATIONS } from "@/lib/subprocessors/catalog";
import { errorFor, newRowKey, type CertificationRow, type FieldErrors } from "./entry-form-state";

const TYPE_OPTIONS = [
  ...CERTIFICATIONS.map((code) => ({ value: code, label: CERTIFICATION_LABELS[code] })),
  { value: "custom", label: "Other (name it)" },
];

/** One row per certification: type, custom name, expiry and evidence link. */
export function CertificationRows({
  rows,
  onChange,
  errors,
}: {
  rows: CertificationRow[];
  onChange: (rows: CertificationRow[]) => void;
  errors: FieldErrors;
}) {
  const update = (key: string, patch: Partial<CertificationRow>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  const listError = errors.certifications;
  return (
    <fieldset className="choice-fieldset">
      <legend className="visually-hidden">Certifications</legend>
      {rows.length === 0 ? <p className="muted small">No certifications recorded.</p> : null}
      <ul className="cert-rows">
        {rows.map((row, index) => {
          const at = (field: string) => errorFor(errors, `certifications.${index}.${field}`);
          const label = `Certification ${index + 1}`;
          return (
            <li key={row.key} className="cert-row" aria-label={label}>
              <label className="field">
                <span>Type</span>
                <select
                  value={row.code}
                  aria-label={`${label} type`}
                  aria-invalid={at("code") ? true : undefined}
                  onChange={(event) => update(row.key, { code: event.target.value })}
                >
                  {TYPE_OPTIONS.map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
                </select>
              </label>
              {row.code === "custom" ? (
                <label className="field">
                  <span>Name</span>
                  <input
                    value={row.customName}
                    aria-label={`${label} name`}
                    aria-invalid={at("customName") ? true : undefined}
                    onChange={(event) => update(row.key, { customName: event.target.value })}
                  />
                </label>
              ) : null}
              <label className="field">
                <span>Expires</span>
                <input
                  type="date"
                  value={row.expiresOn}
                  aria-label={`${label} expiry date`}
                  aria-invalid={at("expiresOn") ? true : undefined}
                  onChange={(event) => update(row.key, { expiresOn: event.target.value })}
                />
              </label>
              <label className="field cert-evidence">
                <span>Evidence link</span>
                <input
                  type="url"
                  value={row.evidenceUrl}
                  placeholder="https://"
                  aria-label={`${label} evidence link`}
                  aria-invalid={at("evidenceUrl") ? true : undefined}
                  onChange={(event) => update(row.key, { evidenceUrl: event.target.value })}
                />
              </label>
              <button
                type="button"
                className="button button-small button-danger cert-remove"
                onClick={() => onChange(rows.filter((item) => item.key !== row.key))}
                aria-label={`Remove ${label.toLowerCase()}`}
              >
                Remove
              </button>
              {["code", "customName", "expiresOn", "evidenceUrl"].map((field) =>
                at(field) ? (
                  <p key={field} className="form-error cert-error">
                    {at(field)}
                  </p>
                ) : null,
              )}
            </li>
          );
        })}
      </ul>
      <button
        type="button"
        className="button button-small"
        onClick={() =>
          onChange([
            ...rows,
            {
              key: newRowKey(),
              code: "soc2_type2",
              customName: "",
              expiresOn: "",
              evidenceUrl: "",
            },
          ])
        }
      >
        Add certification
      </button>
      {listError ? <p className="form-error">{listError}</p> : null}
    </fieldset>
  );
}

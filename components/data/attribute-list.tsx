import type { ReactNode } from "react";

type Value = unknown;

function isPlainObject(value: Value): value is Record<string, Value> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function renderValue(value: Value): ReactNode {
  if (value === null || value === undefined || value === "") {
    return <span className="muted">—</span>;
  }
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "string" || typeof value === "number") return String(value);
  if (Array.isArray(value)) {
    return (
      <ul className="value-list">
        {value.map((item, index) => (
          <li key={index}>
            {isPlainObject(item) ? <AttributeList attributes={item} isNested /> : renderValue(item)}
          </li>
        ))}
      </ul>
    );
  }
  if (isPlainObject(value)) return <AttributeList attributes={value} isNested />;
  return JSON.stringify(value);
}

/** SCIM attributes as a definition list; complex and multi-valued ones nest. */
export function AttributeList({
  attributes,
  isNested = false,
}: {
  attributes: Record<string, Value>;
  isNested?: boolean;
}) {
  const entries = Object.entries(attributes);
  if (entries.length === 0) return <span className="muted">—</span>;
  return (
    <dl className={isNested ? "attributes attributes-nested" : "attributes"}>
      {entries.map(([key, value]) => (
        <div key={key} className="attribute">
          <dt>{key}</dt>
          <dd>{renderValue(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

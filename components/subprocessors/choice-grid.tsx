import type { ReactNode } from "react";

type Option = { value: string; label: string; hint?: string };

/** A fieldset of checkboxes with one legend, for multi-valued fields. */
export function ChoiceGrid({
  legend,
  name,
  options,
  values,
  onChange,
  error,
  description,
  extra,
}: {
  legend: string;
  name: string;
  options: readonly Option[];
  values: readonly string[];
  onChange: (values: string[]) => void;
  error?: string;
  description?: ReactNode;
  extra?: ReactNode;
}) {
  const toggle = (value: string, isChecked: boolean) =>
    onChange(isChecked ? [...values, value] : values.filter((item) => item !== value));
  const errorId = `${name}-error`;
  return (
    <fieldset
      className="choice-fieldset"
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? errorId : undefined}
    >
      <legend>{legend}</legend>
      {description ? <p className="muted small choice-description">{description}</p> : null}
      <div className="choice-grid">
        {options.map((option) => (
          <label key={option.value} className="choice" title={option.hint}>
            <input
              type="checkbox"
              name={name}
              value={option.value}
              checked={values.includes(option.value)}
              onChange={(event) => toggle(option.value, event.target.checked)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      {extra}
      {error ? (
        <p className="form-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

import { useId, type ReactNode } from "react";

type Props = {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: ReactNode;
  type?: "text" | "url" | "date";
  isRequired?: boolean;
  isMultiline?: boolean;
  placeholder?: string;
};

/** A labelled input whose error is announced with it (aria-describedby). */
export function TextField(props: Props) {
  const id = useId();
  const errorId = `${id}-error`;
  const common = {
    id,
    name: props.name,
    value: props.value,
    placeholder: props.placeholder,
    "aria-invalid": props.error ? true : undefined,
    "aria-describedby": props.error ? errorId : undefined,
    required: props.isRequired,
  };
  return (
    <div className="field">
      <label htmlFor={id}>
        {props.label}
        {props.isRequired ? null : <span className="muted optional"> (optional)</span>}
      </label>
      {props.isMultiline ? (
        <textarea {...common} rows={3} onChange={(event) => props.onChange(event.target.value)} />
      ) : (
        <input
          {...common}
          type={props.type ?? "text"}
          onChange={(event) => props.onChange(event.target.value)}
        />
      )}
      {props.hint && !props.error ? (
        <span className="muted small field-hint">{props.hint}</span>
      ) : null}
      {props.error ? (
        <span className="form-error" id={errorId}>
          {props.error}
        </span>
      ) : null}
    </div>
  );
}

export function SelectField(props: {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly { value: string; label: string }[];
  placeholder?: string;
  error?: string;
  isRequired?: boolean;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>
        {props.label}
        {props.isRequired ? null : <span className="muted optional"> (optional)</span>}
      </label>
      <select
        id={id}
        name={props.name}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? errorId : undefined}
      >
        {props.placeholder !== undefined ? <option value="">{props.placeholder}</option> : null}
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {props.error ? (
        <span className="form-error" id={errorId}>
          {props.error}
        </span>
      ) : null}
    </div>
  );
}

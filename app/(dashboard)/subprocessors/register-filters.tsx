import {
  CERTIFICATION_LABELS,
  CERTIFICATIONS,
  ENTRY_STATUSES,
  PIPELINE_ROLES,
  REGIONS,
  ROLE_LABELS,
  STATUS_LABELS,
} from "@/lib/subprocessors/catalog";

type Props = {
  get: (key: string) => string | undefined;
  set: (patch: Record<string, string | undefined>) => void;
};

function Filter(
  props: {
    label: string;
    name: string;
    anyLabel: string;
    options: readonly { value: string; label: string }[];
  } & Props,
) {
  return (
    <label className="select-field">
      <span>{props.label}</span>
      <select
        value={props.get(props.name) ?? ""}
        onChange={(event) => props.set({ [props.name]: event.target.value })}
      >
        <option value="">{props.anyLabel}</option>
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

const STATUS_OPTIONS = ENTRY_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] }));
const REGION_OPTIONS = REGIONS.map((region) => ({ value: region.code, label: region.label }));
const CERTIFICATION_OPTIONS = [
  ...CERTIFICATIONS.map((value) => ({ value, label: CERTIFICATION_LABELS[value] })),
  { value: "custom", label: "Custom certifications" },
];
const ROLE_OPTIONS = PIPELINE_ROLES.map((value) => ({ value, label: ROLE_LABELS[value] }));
const ATTENTION_OPTIONS = [
  { value: "true", label: "Needs attention" },
  { value: "false", label: "Passes every check" },
];

export function RegisterFilters(props: Props) {
  return (
    <>
      <Filter
        {...props}
        label="Status"
        name="status"
        anyLabel="Any status"
        options={STATUS_OPTIONS}
      />
      <Filter
        {...props}
        label="Region"
        name="region"
        anyLabel="Any region"
        options={REGION_OPTIONS}
      />
      <Filter
        {...props}
        label="Certification"
        name="certification"
        anyLabel="Any certification"
        options={CERTIFICATION_OPTIONS}
      />
      <Filter {...props} label="Role" name="role" anyLabel="Any role" options={ROLE_OPTIONS} />
      <Filter
        {...props}
        label="Checks"
        name="attention"
        anyLabel="All entries"
        options={ATTENTION_OPTIONS}
      />
    </>
  );
}

"use client";

import { useState, type FormEvent } from "react";
import { ApiError } from "@/components/data/api-client";
import {
  DATA_CATEGORIES,
  DATA_CATEGORY_INFO,
  ENTRY_STATUSES,
  PIPELINE_ROLES,
  ROLE_LABELS,
  STATUS_LABELS,
  TRANSFER_LABELS,
  TRANSFER_MECHANISMS,
} from "@/lib/subprocessors/catalog";
import { entryInput } from "@/lib/subprocessors/entry-input";
import { CertificationRows } from "./certification-rows";
import { ChoiceGrid } from "./choice-grid";
import {
  errorFor,
  errorsFromIssues,
  errorsFromZod,
  inputFromForm,
  type FieldErrors,
  type FormState,
} from "./entry-form-state";
import { RegionPicker } from "./region-picker";
import { SelectField, TextField } from "./text-field";

const CATEGORY_OPTIONS = DATA_CATEGORIES.map((value) => ({
  value,
  label: DATA_CATEGORY_INFO[value].label,
  hint: DATA_CATEGORY_INFO[value].attributes.join(", "),
}));
const ROLE_OPTIONS = PIPELINE_ROLES.map((value) => ({ value, label: ROLE_LABELS[value] }));
const STATUS_OPTIONS = ENTRY_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] }));
const TRANSFER_OPTIONS = TRANSFER_MECHANISMS.map((value) => ({
  value,
  label: TRANSFER_LABELS[value],
}));

type Props = {
  initial: FormState;
  parents: { id: string; name: string }[];
  submitLabel: string;
  /** Sends the body; resolves when saved. ApiErrors with issues land on their fields. */
  onSubmit: (input: Record<string, unknown>) => Promise<void>;
  onCancel?: () => void;
};

/** The entry form: validated with the same zod schema as the API before anything is sent. */
export function EntryForm({ initial, parents, submitLabel, onSubmit, onCancel }: Props) {
  const [form, setForm] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | undefined>();
  const [isSaving, setSaving] = useState(false);
  const set =
    <K extends keyof FormState>(key: K) =>
    (value: FormState[K]) =>
      setForm((current) => ({ ...current, [key]: value }));
  const text = (key: keyof FormState & string) => ({
    name: key,
    value: form[key] as string,
    onChange: set(key) as (value: string) => void,
    error: errorFor(errors, key),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = inputFromForm(form);
    const parsed = entryInput.safeParse(input);
    if (!parsed.success) {
      setErrors(errorsFromZod(parsed.error));
      setFormError("Some fields need fixing; see the messages below them.");
      return;
    }
    setErrors({});
    setFormError(undefined);
    setSaving(true);
    try {
      await onSubmit(input);
    } catch (error) {
      if (error instanceof ApiError) {
        setErrors(errorsFromIssues(error.issues));
        setFormError(error.message);
      } else {
        setFormError("The entry could not be saved. Check your connection and try again.");
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="entry-form" onSubmit={submit} noValidate aria-label="Sub-processor">
      {formError ? (
        <p className="form-banner" role="alert">
          {formError}
        </p>
      ) : null}
      <section className="card form-section">
        <h2 className="card-title">Vendor</h2>
        <div className="form-grid">
          <TextField label="Name" isRequired {...text("name")} />
          <TextField label="Legal entity" isRequired {...text("legalEntity")} />
          <TextField label="Website" type="url" placeholder="https://" {...text("website")} />
          <SelectField
            label="Parent entry"
            {...text("parentId")}
            placeholder="None: a direct sub-processor"
            options={parents.map((parent) => ({ value: parent.id, label: parent.name }))}
          />
          <TextField
            label="Internal owner"
            {...text("owner")}
            hint="Who looks after this vendor."
          />
        </div>
      </section>
      <section className="card form-section">
        <h2 className="card-title">Processing</h2>
        <div className="form-grid">
          <SelectField
            label="Pipeline role"
            isRequired
            {...text("role")}
            placeholder="Choose a role"
            options={ROLE_OPTIONS}
          />
          <TextField label="Purpose" isRequired isMultiline {...text("purpose")} />
        </div>
        <ChoiceGrid
          legend="Data categories"
          name="dataCategories"
          options={CATEGORY_OPTIONS}
          values={form.dataCategories}
          onChange={set("dataCategories")}
          error={errorFor(errors, "dataCategories")}
          description="The SCIM data this vendor receives. Hover a category for its attributes."
        />
      </section>
      <section className="card form-section">
        <h2 className="card-title">Location and transfers</h2>
        <RegionPicker
          legend="Storage regions"
          name="storageRegions"
          values={form.storageRegions}
          onChange={set("storageRegions")}
          error={errorFor(errors, "storageRegions")}
        />
        <RegionPicker
          legend="Processing regions"
          name="processingRegions"
          values={form.processingRegions}
          onChange={set("processingRegions")}
          error={errorFor(errors, "processingRegions")}
        />
        <div className="form-grid">
          <SelectField
            label="Transfer mechanism"
            {...text("transferMechanism")}
            placeholder="None recorded"
            options={TRANSFER_OPTIONS}
          />
        </div>
      </section>
      <section className="card form-section">
        <h2 className="card-title">Certifications</h2>
        <CertificationRows
          rows={form.certifications}
          onChange={set("certifications")}
          errors={errors}
        />
      </section>
      <section className="card form-section">
        <h2 className="card-title">Contract and status</h2>
        <div className="form-grid">
          <TextField label="DPA link" type="url" placeholder="https://" {...text("dpaUrl")} />
          <TextField label="DPA signed" type="date" {...text("dpaSignedOn")} />
          <SelectField label="Status" isRequired {...text("status")} options={STATUS_OPTIONS} />
          <TextField label="Effective date" type="date" {...text("effectiveOn")} />
        </div>
        <TextField label="Notes" isMultiline {...text("notes")} />
      </section>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={isSaving}>
          {isSaving ? "Saving…" : submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button" onClick={onCancel} disabled={isSaving}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}

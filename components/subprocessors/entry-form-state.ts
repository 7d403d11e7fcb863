import type { ZodError } from "zod";
import type { CertificationFields, Entry } from "@/lib/subprocessors/types";

export type CertificationRow = {
  key: string;
  code: string;
  customName: string;
  expiresOn: string;
  evidenceUrl: string;
};

/** What the form holds: strings and lists, exactly as the inputs show them. */
export type FormState = {
  name: string;
  legalEntity: string;
  website: string;
  purpose: string;
  role: string;
  dataCategories: string[];
  storageRegions: string[];
  processingRegions: string[];
  transferMechanism: string;
  certifications: CertificationRow[];
  dpaUrl: string;
  dpaSignedOn: string;
  status: string;
  effectiveOn: string;
  owner: string;
  notes: string;
  parentId: string;
};

export type FieldErrors = Record<string, string>;

let rowCount = 0;
export const newRowKey = () => `row-${(rowCount += 1)}`;

export const EMPTY_FORM: FormState = {
  name: "",
  legalEntity: "",
  website: "",
  purpose: "",
  role: "",
  dataCategories: [],
  storageRegions: [],
  processingRegions: [],
  transferMechanism: "",
  certifications: [],
  dpaUrl: "",
  dpaSignedOn: "",
  status: "proposed",
  effectiveOn: "",
  owner: "",
  notes: "",
  parentId: "",
};

const text = (value: string | null) => value ?? "";

function toRow(certification: CertificationFields): CertificationRow {
  return {
    key: newRowKey(),
    code: certification.code,
    customName: text(certification.customName),
    expiresOn: text(certification.expiresOn),
    evidenceUrl: text(certification.evidenceUrl),
  };
}

export function formFromEntry(entry: Entry): FormState {
  return {
    name: entry.name,
    legalEntity: entry.legalEntity,
    website: text(entry.website),
    purpose: entry.purpose,
    role: entry.role,
    dataCategories: [...entry.dataCategories],
    storageRegions: [...entry.storageRegions],
    processingRegions: [...entry.processingRegions],
    transferMechanism: text(entry.transferMechanism),
    certifications: entry.certifications.map(toRow),
    dpaUrl: text(entry.dpaUrl),
    dpaSignedOn: text(entry.dpaSignedOn),
    status: entry.status,
    effectiveOn: text(entry.effectiveOn),
    owner: text(entry.owner),
    notes: text(entry.notes),
    parentId: text(entry.parentId),
  };
}

/** The request body; the shared zod schema turns blanks into nulls on both sides. */
export function inputFromForm(form: FormState): Record<string, unknown> {
  return {
    ...form,
    certifications: form.certifications.map(({ key: _key, ...certification }) => certification),
  };
}

export function errorsFromZod(error: ZodError): FieldErrors {
  return errorsFromIssues(
    error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })),
  );
}

/** First message per path, keyed as the server's issues name them: `certifications.0.code`. */
export function errorsFromIssues(
  issues: readonly { path: string; message: string }[],
): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) errors[issue.path] ??= issue.message;
  return errors;
}

/** Errors for a field and anything under it, e.g. `storageRegions` and `storageRegions.1`. */
export function errorFor(errors: FieldErrors, path: string): string | undefined {
  if (errors[path]) return errors[path];
  const nested = Object.keys(errors).find((key) => key.startsWith(`${path}.`));
  return nested ? errors[nested] : undefined;
}

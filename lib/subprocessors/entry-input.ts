import { z } from "zod";
import {
  CERTIFICATIONS,
  CUSTOM_CERTIFICATION,
  DATA_CATEGORIES,
  ENTRY_STATUSES,
  PIPELINE_ROLES,
  REGION_CODES,
  TRANSFER_MECHANISMS,
} from "./catalog";

/**
 * The one definition of a valid register entry, used by the forms in the browser and by every
 * API route, so both refuse the same input with the same words.
 */

const TEXT_MAX = 200;
const LONG_TEXT_MAX = 5_000;

const blankToNull = (value: unknown) => {
  if (typeof value === "string") {
    const trimmed = value.trim();
    return trimmed === "" ? null : trimmed;
  }
  return value === undefined ? null : value;
};

const requiredText = (label: string, max = TEXT_MAX) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, `${label} is required.`)
    .max(max, `${label} must be at most ${max} characters.`);

const optionalText = (label: string, max = TEXT_MAX) =>
  z.preprocess(
    blankToNull,
    z.string().max(max, `${label} must be at most ${max} characters.`).nullable(),
  );

export const webAddress = (label: string) =>
  z.preprocess(
    blankToNull,
    z
      .url({
        protocol: /^https?$/,
        hostname: z.regexes.domain,
        error: `${label} must be a full web address, like https://example.com/dpa.`,
      })
      .max(2_000, `${label} is too long.`)
      .nullable(),
  );

const isoDate = (label: string) =>
  z.preprocess(
    blankToNull,
    z.iso.date({ error: `${label} must be a date (YYYY-MM-DD).` }).nullable(),
  );

const isBlank = (input: unknown) =>
  input === undefined || input === null || (typeof input === "string" && input.trim() === "");

/** A value outside a fixed list: a blank one asks for a choice, any other names the list. */
const notOneOf =
  (what: string, values: readonly string[]) =>
  ({ input }: { input?: unknown }) =>
    isBlank(input)
      ? `Choose ${/^[aeiou]/i.test(what) ? "an" : "a"} ${what}.`
      : `Unknown ${what} "${String(input)}". Use one of: ${values.join(", ")}.`;

export const regionCode = z.enum(REGION_CODES, { error: notOneOf("region", REGION_CODES) });

export const certificationCode = z.enum(CERTIFICATIONS, {
  error: notOneOf("certification", CERTIFICATIONS),
});

const regionList = (label: string) =>
  z
    .array(regionCode, { error: `${label} must be a list of regions.` })
    .min(1, `Choose at least one region for ${label.toLowerCase()}.`)
    .refine((codes) => new Set(codes).size === codes.length, `${label} lists a region twice.`);

export const certificationInput = z
  .object({
    code: z.union([certificationCode, z.literal(CUSTOM_CERTIFICATION)], {
      error: (issue) =>
        isBlank(issue.input)
          ? "Choose a certification type."
          : notOneOf("certification", [...CERTIFICATIONS, CUSTOM_CERTIFICATION])(issue),
    }),
    customName: optionalText("Certification name", 100),
    expiresOn: isoDate("Expiry date"),
    evidenceUrl: webAddress("Evidence link"),
  })
  .superRefine((certification, context) => {
    if (certification.code === CUSTOM_CERTIFICATION && certification.customName === null) {
      context.addIssue({
        code: "custom",
        path: ["customName"],
        message: "Name the custom certification.",
      });
    }
  })
  .transform((certification) => ({
    ...certification,
    customName: certification.code === CUSTOM_CERTIFICATION ? certification.customName : null,
  }));

function certificationKey(certification: { code: string; customName: string | null }): string {
  return certification.code === CUSTOM_CERTIFICATION
    ? `custom:${(certification.customName ?? "").toLowerCase()}`
    : certification.code;
}

export const entryInput = z.object({
  name: requiredText("Name"),
  legalEntity: requiredText("Legal entity"),
  website: webAddress("Website"),
  purpose: requiredText("Purpose", LONG_TEXT_MAX),
  role: z.enum(PIPELINE_ROLES, { error: notOneOf("pipeline role", PIPELINE_ROLES) }),
  dataCategories: z
    .array(z.enum(DATA_CATEGORIES, { error: notOneOf("data category", DATA_CATEGORIES) }))
    .min(1, "Choose at least one data category.")
    .transform((categories) => [...new Set(categories)]),
  storageRegions: regionList("Storage regions"),
  processingRegions: regionList("Processing regions"),
  transferMechanism: z.preprocess(
    blankToNull,
    z
      .enum(TRANSFER_MECHANISMS, { error: notOneOf("transfer mechanism", TRANSFER_MECHANISMS) })
      .nullable(),
  ),
  certifications: z
    .array(certificationInput)
    .max(30, "At most 30 certifications.")
    .refine(
      (list) => new Set(list.map(certificationKey)).size === list.length,
      "A certification is listed twice.",
    ),
  dpaUrl: webAddress("DPA link"),
  dpaSignedOn: isoDate("DPA signed date"),
  status: z.enum(ENTRY_STATUSES, { error: notOneOf("status", ENTRY_STATUSES) }),
  effectiveOn: isoDate("Effective date"),
  owner: optionalText("Owner"),
  notes: optionalText("Notes", LONG_TEXT_MAX),
  parentId: z.preprocess(blankToNull, z.string().max(100).nullable()),
});

export type EntryInput = z.input<typeof entryInput>;
export type EntryFields = z.output<typeof entryInput>;
export type CertificationFields = EntryFields["certifications"][number];

/** An update names the revision it was based on, so a stale form cannot overwrite newer work. */
export const entryUpdateInput = entryInput.extend({
  revision: z.number({ error: "revision is required." }).int().min(1),
});

"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { apiFetch, ApiError, postJson } from "@/components/data/api-client";
import { useViewer } from "@/components/data/session-context";
import { ChoiceGrid } from "@/components/subprocessors/choice-grid";
import { RegionPicker } from "@/components/subprocessors/region-picker";
import {
  errorsFromIssues,
  errorsFromZod,
  type FieldErrors,
} from "@/components/subprocessors/entry-form-state";
import { TextField } from "@/components/subprocessors/text-field";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorState, SkeletonLines } from "@/components/ui/states";
import { RelativeTime } from "@/components/ui/time";
import { canEditRegister } from "@/lib/subprocessors/access";
import { CERTIFICATION_LABELS, CERTIFICATIONS } from "@/lib/subprocessors/catalog";
import type { SettingsView } from "@/lib/subprocessors/settings";
import { settingsInput } from "@/lib/subprocessors/settings-input";

const RULES_INTRO =
  "The name the register is published under, and the rules every sub-processor is " +
  "checked against.";
const CERT_OPTIONS = CERTIFICATIONS.map((value) => ({ value, label: CERTIFICATION_LABELS[value] }));

function SettingsForm({ settings, isEditor }: { settings: SettingsView; isEditor: boolean }) {
  const queryClient = useQueryClient();
  const [required, setRequired] = useState<string[]>(settings.requiredCertifications);
  const [regions, setRegions] = useState<string[]>(settings.allowedStorageRegions);
  const [days, setDays] = useState(String(settings.expiryWarningDays));
  const [companyName, setCompanyName] = useState(settings.companyName ?? "");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string }>();
  const [isSaving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      companyName,
      requiredCertifications: required,
      allowedStorageRegions: regions,
      expiryWarningDays: days,
    };
    const parsed = settingsInput.safeParse(body);
    if (!parsed.success) {
      setErrors(errorsFromZod(parsed.error));
      setMessage(undefined);
      return;
    }
    setSaving(true);
    try {
      const saved = await postJson<{ settings: SettingsView }>(
        "/api/settings/compliance",
        parsed.data,
        "PUT",
      );
      queryClient.setQueryData(["compliance-settings"], saved);
      await queryClient.invalidateQueries({ queryKey: ["subprocessors"] });
      setErrors({});
      setMessage({
        tone: "success",
        text: "Settings saved. Every entry is checked against them now.",
      });
    } catch (error) {
      setErrors(error instanceof ApiError ? errorsFromIssues(error.issues) : {});
      setMessage({
        tone: "error",
        text: error instanceof ApiError ? error.message : "The settings could not be saved.",
      });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="stack" onSubmit={submit} noValidate aria-label="Compliance settings">
      <fieldset className="plain-fieldset" disabled={!isEditor}>
        <div className="stack">
          <section className="card">
            <div className="form-grid">
              <TextField
                label="Company name"
                name="companyName"
                value={companyName}
                onChange={setCompanyName}
                error={errors.companyName}
                placeholder="Acme GmbH"
                hint={
                  "Who the public sub-processor page, its Atom feed and the exports name as " +
                  "publisher. Empty, they name no company."
                }
              />
            </div>
          </section>
          <section className="card">
            <ChoiceGrid
              legend="Required certifications"
              name="requiredCertifications"
              options={CERT_OPTIONS}
              values={required}
              onChange={setRequired}
              error={errors.requiredCertifications}
              description={
                "An entry passes when it holds any one of these, unexpired. " +
                "Choose none to turn the check off."
              }
            />
          </section>
          <section className="card">
            <RegionPicker
              legend="Allowed storage regions"
              name="allowedStorageRegions"
              values={regions}
              onChange={setRegions}
              error={errors.allowedStorageRegions}
              description={
                "Data stored anywhere else needs a transfer mechanism " +
                "(SCCs, BCRs, adequacy or the EU-US DPF). EEA countries count as EU/EEA."
              }
            />
          </section>
          <section className="card">
            <div className="form-grid">
              <TextField
                label="Expiry warning window (days)"
                name="expiryWarningDays"
                value={days}
                onChange={setDays}
                isRequired
                error={errors.expiryWarningDays}
                hint="Certificates expiring within this many days are flagged."
              />
            </div>
          </section>
        </div>
      </fieldset>
      {message ? (
        <p
          className={message.tone === "success" ? "notice notice-success" : "form-banner"}
          role="status"
        >
          {message.text}
        </p>
      ) : null}
      {isEditor ? (
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={isSaving}>
            {isSaving ? "Saving…" : "Save settings"}
          </button>
        </div>
      ) : (
        <p className="muted">Your role can read these settings but not change them.</p>
      )}
    </form>
  );
}

export function ComplianceSettingsView() {
  const { role } = useViewer();
  const result = useQuery({
    queryKey: ["compliance-settings"],
    queryFn: () => apiFetch<{ settings: SettingsView }>("/api/settings/compliance"),
  });
  const settings = result.data?.settings;
  return (
    <>
      <PageHeader
        eyebrow={<Link href="/subprocessors">← Sub-processors</Link>}
        title="Compliance checks"
        description={
          settings?.updatedAt ? (
            <>
              {RULES_INTRO} Last changed by {settings.updatedBy}{" "}
              <RelativeTime iso={settings.updatedAt} />.
            </>
          ) : (
            `${RULES_INTRO} These are the defaults until someone changes them.`
          )
        }
      />
      {result.isError ? (
        <ErrorState error={result.error} onRetry={() => result.refetch()} />
      ) : settings ? (
        <SettingsForm settings={settings} isEditor={canEditRegister(role)} />
      ) : (
        <div className="card">
          <SkeletonLines count={6} />
        </div>
      )}
    </>
  );
}

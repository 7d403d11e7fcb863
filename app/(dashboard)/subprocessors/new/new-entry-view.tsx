"use client";

import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { postJson } from "@/components/data/api-client";
import { EntryForm } from "@/components/subprocessors/entry-form";
import { EMPTY_FORM } from "@/components/subprocessors/entry-form-state";
import { PageHeader } from "@/components/ui/page-header";

export function NewEntryView({ parents }: { parents: { id: string; name: string }[] }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  return (
    <>
      <PageHeader
        eyebrow={<Link href="/subprocessors">← Sub-processors</Link>}
        title="New sub-processor"
        description={
          "New entries start as proposed. They appear publicly once a version is published."
        }
      />
      <EntryForm
        initial={EMPTY_FORM}
        parents={parents}
        submitLabel="Create sub-processor"
        onCancel={() => router.push("/subprocessors")}
        onSubmit={async (input) => {
          const created = await postJson<{ entry: { id: string } }>("/api/subprocessors", input);
          await queryClient.invalidateQueries({ queryKey: ["subprocessors"] });
          router.push(`/subprocessors/${created.entry.id}?created=1`);
        }}
      />
    </>
  );
}

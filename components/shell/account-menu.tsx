"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useViewer } from "@/components/data/session-context";
import { ROLE_LABELS } from "@/lib/auth/roles";

export function AccountMenu() {
  const viewer = useViewer();
  const router = useRouter();
  const [isSigningOut, setSigningOut] = useState(false);
  const signOut = async () => {
    setSigningOut(true);
    await fetch("/api/auth/sign-out", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
    }).catch(() => undefined);
    router.replace("/login");
    router.refresh();
  };
  return (
    <div className="account-menu">
      <div className="account-who">
        <span className="account-name">{viewer.name}</span>
        <span className="account-email">{viewer.email}</span>
        <span className="badge badge-info">{ROLE_LABELS[viewer.role]}</span>
      </div>
      <button
        type="button"
        className="button button-small"
        onClick={signOut}
        disabled={isSigningOut}
      >
        {isSigningOut ? "Signing out…" : "Sign out"}
      </button>
    </div>
  );
}

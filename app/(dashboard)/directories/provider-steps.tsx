import { Fragment } from "react";
import { CopyButton } from "@/components/ui/copy-button";

function Value({ label, value }: { label: string; value: string }) {
  return (
    <div className="setup-value">
      <span className="setup-label">{label}</span>
      <code>{value}</code>
      <CopyButton value={value} />
    </div>
  );
}

/** The IdP's own labels as a sentence: "<em>A</em>, <em>B</em> and <em>C</em>". */
function LabelList({ labels }: { labels: string[] }) {
  return labels.map((label, index) => (
    <Fragment key={label}>
      {index === 0 ? null : index === labels.length - 1 ? " and " : ", "}
      <em>{label}</em>
    </Fragment>
  ));
}

// The token form sits above these steps in the directory card.
const TOKEN_HINT = "a token made with Create token above (its secret is shown once)";
const OKTA_PUSH_ACTIONS = [
  "Push New Users",
  "Push Profile Updates",
  "Push Groups",
  "Import New Users and Profile Updates",
];
const OKTA_TO_APP_ACTIONS = ["Create Users", "Update User Attributes", "Deactivate Users"];

/** Where each IdP wants the SCIM connection details, in its own words. */
export function ProviderSteps({ provider, baseUrl }: { provider: string; baseUrl: string }) {
  if (provider === "entra") {
    return (
      <ol className="steps">
        <li>
          In Microsoft Entra admin center, open <em>Enterprise applications</em> &rarr; your app
          &rarr; <em>Provisioning</em>, and set <em>Provisioning Mode</em> to <em>Automatic</em>.
        </li>
        <li>
          Under <em>Admin Credentials</em>:
          <Value label="Tenant URL" value={baseUrl} />
          <span className="muted">Secret Token: {TOKEN_HINT}.</span>
        </li>
        <li>
          Choose <em>Test Connection</em>, then save and turn <em>Provisioning Status</em> on.
        </li>
      </ol>
    );
  }
  if (provider === "okta") {
    return (
      <ol className="steps">
        <li>
          In the Okta Admin Console, open your app → <em>General</em> → enable{" "}
          <em>SCIM provisioning</em>, then go to <em>Provisioning</em> → <em>Integration</em>.
        </li>
        <li>
          <Value label="SCIM connector base URL" value={baseUrl} />
          <Value label="Unique identifier field for users" value="userName" />
        </li>
        <li>
          Supported provisioning actions: <LabelList labels={OKTA_PUSH_ACTIONS} />.
        </li>
        <li>
          Authentication Mode: <em>HTTP Header</em>; in the <em>Authorization</em> field, after
          Bearer, paste {TOKEN_HINT}.
        </li>
        <li>
          Choose <em>Test Connector Configuration</em>, save, then enable{" "}
          <LabelList labels={OKTA_TO_APP_ACTIONS} /> under <em>To App</em>.
        </li>
      </ol>
    );
  }
  return (
    <ol className="steps">
      <li>
        <Value label="SCIM base URL" value={baseUrl} />
      </li>
      <li>
        Authentication: HTTP header <code>Authorization: Bearer</code> {TOKEN_HINT}.
      </li>
      <li>
        Use <code>userName</code> as the unique identifier; Roster supports Users, Groups, PATCH,
        filtering and Bulk.
      </li>
    </ol>
  );
}

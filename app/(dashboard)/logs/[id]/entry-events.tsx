import { changesOf, EVENT_TONES, EVENT_VERBS } from "@/components/sync/event-text";
import { ResourceLink } from "@/components/sync/resource-link";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/states";
import type { EntryEvent } from "@/lib/sync-log/get-log-entry";
import type { ResourceRef } from "@/lib/sync-log/resource-refs";
import styles from "../logs.module.css";

function Value({ value }: { value: unknown }) {
  if (value === undefined || value === null) return <span className="muted">—</span>;
  if (typeof value === "string") return <pre>{value}</pre>;
  return <pre>{JSON.stringify(value, null, 2)}</pre>;
}

function Diff({ event }: { event: EntryEvent }) {
  const changes = changesOf(event.detail);
  if (changes.length === 0) return null;
  const isCreation = event.type.endsWith(".created");
  return (
    <table
      className={styles.diffTable}
      aria-label={`Changes of ${event.resourceLabel ?? "resource"}`}
    >
      <thead>
        <tr>
          <th scope="col">Attribute</th>
          {isCreation ? null : <th scope="col">Before</th>}
          <th scope="col">{isCreation ? "Value" : "After"}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((change) => (
          <tr key={change.attribute}>
            <td>
              <code>{change.attribute}</code>
            </td>
            {isCreation ? null : (
              <td className={styles.before}>
                <Value value={change.before} />
              </td>
            )}
            <td className={styles.after}>
              <Value value={change.after} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Members({ event }: { event: EntryEvent }) {
  if (event.members.length === 0) return null;
  return (
    <ul className={styles.memberList} aria-label="Members">
      {event.members.map((member) => (
        <li key={member.id}>
          <ResourceLink resource={member} />
        </li>
      ))}
      {event.membersMore > 0 ? <li className="muted">and {event.membersMore} more</li> : null}
    </ul>
  );
}

/** The changes one request made, each with its attribute diff or member list. */
export function EntryEvents(props: {
  events: EntryEvent[];
  resources: ResourceRef[];
  status: number;
}) {
  const { events, status } = props;
  const resources = new Map(props.resources.map((resource) => [resource.id, resource]));
  if (events.length === 0) {
    return (
      <EmptyState title="No changes">
        {status >= 400
          ? "The request was rejected, so nothing changed."
          : "This request read data or changed nothing."}
      </EmptyState>
    );
  }
  return (
    <div>
      {events.map((event) => (
        <article key={event.id} className={styles.event}>
          <div className={styles.eventHead}>
            <Badge tone={EVENT_TONES[event.type]}>{event.type}</Badge>
            <span>
              {event.resourceType}{" "}
              <ResourceLink
                resource={
                  resources.get(event.resourceId) ?? {
                    type: event.resourceType,
                    id: event.resourceId,
                    label: event.resourceLabel,
                    exists: false,
                  }
                }
              />{" "}
              {EVENT_VERBS[event.type]}
            </span>
          </div>
          <Diff event={event} />
          <Members event={event} />
        </article>
      ))}
    </div>
  );
}

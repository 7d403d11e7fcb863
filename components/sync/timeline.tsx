import Link from "next/link";
import { Fragment } from "react";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/states";
import { RelativeTime } from "@/components/ui/time";
import type { TimelineEntry } from "@/lib/dashboard/timeline";
import { changesOf, EVENT_TONES, EVENT_VERBS, MEMBERSHIP_VERBS, shortValue } from "./event-text";
import { ResourceLink } from "./resource-link";

const CHANGES_SHOWN = 8;

function Members({ event }: { event: TimelineEntry }) {
  return (
    <p className="timeline-members">
      {event.members.map((member, index) => (
        <Fragment key={member.id}>
          {index === 0
            ? null
            : index === event.members.length - 1 && !event.membersMore
              ? " and "
              : ", "}
          <ResourceLink resource={member} />
        </Fragment>
      ))}
      {event.membersMore > 0 ? ` and ${event.membersMore} more` : null}
    </p>
  );
}

function EventBody({ event }: { event: TimelineEntry }) {
  const changes = changesOf(event.detail);
  if (event.group) {
    return (
      <p>
        {event.type === "group.member_added" ? "Added to" : "Removed from"}{" "}
        <ResourceLink resource={event.group} />
      </p>
    );
  }
  if (event.members.length > 0) return <Members event={event} />;
  if (changes.length === 0 || event.type.endsWith(".created")) {
    return changes.length > 0 ? (
      <p className="muted">
        {changes.length} attribute{changes.length === 1 ? "" : "s"} set
      </p>
    ) : null;
  }
  return (
    <ul className="diff-list">
      {changes.slice(0, CHANGES_SHOWN).map((change) => (
        <li key={change.attribute}>
          <code>{change.attribute}</code>
          <span className="diff-before">{shortValue(change.before)}</span>
          <span aria-label="changed to">→</span>
          <span className="diff-after">{shortValue(change.after)}</span>
        </li>
      ))}
      {changes.length > CHANGES_SHOWN ? (
        <li className="muted">and {changes.length - CHANGES_SHOWN} more</li>
      ) : null}
    </ul>
  );
}

/** A resource's changes from the sync log, newest first. */
export function Timeline({ events }: { events: TimelineEntry[] }) {
  if (events.length === 0) {
    return (
      <EmptyState title="No changes recorded yet">
        Changes appear here as the identity provider creates and updates this resource.
      </EmptyState>
    );
  }
  return (
    <ol className="timeline">
      {events.map((event) => (
        <li key={event.id} className="timeline-item">
          <div className="timeline-head">
            <Badge tone={EVENT_TONES[event.type]}>
              {event.group ? MEMBERSHIP_VERBS[event.type] : EVENT_VERBS[event.type]}
            </Badge>
            <RelativeTime iso={event.createdAt} />
          </div>
          <EventBody event={event} />
          {event.tokenName || event.requestId ? (
            <p className="timeline-source muted">
              {event.tokenName ? <>via token &ldquo;{event.tokenName}&rdquo;</> : null}
              {event.tokenName && event.requestId ? " · " : null}
              {event.requestId ? (
                <Link href={`/logs/${encodeURIComponent(event.requestId)}`}>View request</Link>
              ) : null}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

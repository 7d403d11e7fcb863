import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/states";
import { RelativeTime } from "@/components/ui/time";
import type { TimelineEvent } from "@/lib/dashboard/timeline";
import { changesOf, EVENT_TONES, EVENT_VERBS, memberIdsOf, shortValue } from "./event-text";

const CHANGES_SHOWN = 8;

function EventBody({ event }: { event: TimelineEvent }) {
  const changes = changesOf(event.detail);
  const memberIds = memberIdsOf(event.detail);
  if (memberIds.length > 0) {
    return (
      <p className="muted">
        {memberIds.length} member{memberIds.length === 1 ? "" : "s"}
      </p>
    );
  }
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
export function Timeline({ events }: { events: TimelineEvent[] }) {
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
            <Badge tone={EVENT_TONES[event.type]}>{EVENT_VERBS[event.type]}</Badge>
            <RelativeTime iso={event.createdAt} />
            {event.tokenName ? (
              <span className="muted">via token &ldquo;{event.tokenName}&rdquo;</span>
            ) : null}
          </div>
          <EventBody event={event} />
        </li>
      ))}
    </ol>
  );
}

import { ContactChannel, event, NotificationRequestedV2, NotificationRequestedV2Payload, PendingEvent } from '@omni/contracts';

/** Whether a decision asks for a notification (in version 2, which every request has). */
export function requestsNotification(events: readonly PendingEvent[]): boolean {
  return events.some((e) => e.def === NotificationRequestedV2);
}

/**
 * The notification requests among `events` addressed to the customer's preferred contact channel
 * (null: none known, the notifier's default applies). Version 2 carries it; version 1 cannot say
 * it and stays as it is. Every other event passes through unchanged.
 */
export function addressedTo(events: readonly PendingEvent[], preferred: ContactChannel | null): PendingEvent[] {
  return events.map((e) => (e.def === NotificationRequestedV2 ? event(NotificationRequestedV2, { ...(e.payload as NotificationRequestedV2Payload), contactChannel: preferred }) : e));
}

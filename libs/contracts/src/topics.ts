import catalogue from './topics.json';

export const ORDER_EVENTS_TOPIC = 'order.events.v1';
export const INVENTORY_EVENTS_TOPIC = 'inventory.events.v1';
/** Notification requests carry pickup codes: a topic of their own, readable by the notifier only. */
export const NOTIFICATION_REQUESTS_TOPIC = 'notification.requests.v1';
/** Results from the payment system (a downstream system outside this codebase). */
export const PAYMENT_EVENTS_TOPIC = 'payment.events.v1';
/** Facts about returns, exchanges, refunds asked for and store credit. */
export const RETURNS_EVENTS_TOPIC = 'returns.events.v1';
/** Facts about customer profiles: order links, merges, preferences and consents, erasures; keyed by customer id. */
export const CUSTOMER_EVENTS_TOPIC = 'customer.events.v1';

/** Poison messages of topic T are parked on `T.dlq` with the reason in headers. */
export function deadLetterTopicOf(topic: string): string {
  return `${topic}.dlq`;
}

export interface TopicSpec {
  readonly name: string;
  readonly partitions: number;
}

/** Every topic the system uses, dead-letter topics included; created explicitly, never auto-created. */
export function allTopics(partitions: number = catalogue.partitions): TopicSpec[] {
  return catalogue.topics.flatMap((t) => [
    { name: t.name, partitions },
    { name: deadLetterTopicOf(t.name), partitions },
  ]);
}

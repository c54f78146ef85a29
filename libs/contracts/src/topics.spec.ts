import { EVENT_CATALOGUE } from './catalogue';
import topicsJson from './topics.json';
import {
  allTopics,
  CUSTOMER_EVENTS_TOPIC,
  deadLetterTopicOf,
  INVENTORY_EVENTS_TOPIC,
  NOTIFICATION_REQUESTS_TOPIC,
  ORDER_EVENTS_TOPIC,
  PAYMENT_EVENTS_TOPIC,
} from './topics';

describe('allTopics', () => {
  it('lists every topic of topics.json followed by its .dlq twin, with the catalogue partition count', () => {
    expect(allTopics()).toEqual(
      topicsJson.topics.flatMap((t) => [
        { name: t.name, partitions: topicsJson.partitions },
        { name: `${t.name}.dlq`, partitions: topicsJson.partitions },
      ]),
    );
  });

  it('includes the topics the code names', () => {
    const names = allTopics().map((t) => t.name);
    for (const topic of [ORDER_EVENTS_TOPIC, INVENTORY_EVENTS_TOPIC, NOTIFICATION_REQUESTS_TOPIC, PAYMENT_EVENTS_TOPIC, CUSTOMER_EVENTS_TOPIC]) {
      expect(names).toContain(topic);
      expect(names).toContain(`${topic}.dlq`);
    }
  });

  it('uses the partition count it is given', () => {
    expect(new Set(allTopics(1).map((t) => t.partitions))).toEqual(new Set([1]));
  });

  it('gives every event topic a dead-letter twin, and names no topic twice', () => {
    const names = allTopics().map((t) => t.name);
    for (const def of EVENT_CATALOGUE) expect(names).toContain(deadLetterTopicOf(def.topic));
    expect(new Set(names).size).toBe(names.length);
  });
});

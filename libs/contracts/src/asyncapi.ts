import { EVENT_CATALOGUE } from './catalogue';
import { CONSUMERS } from './consumers';
import { ceTypeOf, EventDefinition, JsonSchema } from './define-event';
import { HEADER } from './envelope';
import { deadLetterTopicOf } from './topics';
import topicsJson from './topics.json';

/** The AsyncAPI document as plain JSON data. */
export type AsyncApiDocument = Record<string, unknown> & {
  asyncapi: string;
  channels: Record<string, AsyncApiChannel>;
  operations: Record<string, AsyncApiOperation>;
  components: { messages: Record<string, AsyncApiMessage> };
};

export interface AsyncApiChannel {
  address: string;
  description: string;
  messages: Record<string, { $ref: string }>;
  bindings: { kafka: { topic: string; partitions: number; bindingVersion: string } };
}

export interface AsyncApiOperation {
  action: 'send' | 'receive';
  channel: { $ref: string };
  messages: { $ref: string }[];
  summary: string;
  'x-service': string;
}

export interface AsyncApiMessage {
  name: string;
  title: string;
  summary: string;
  contentType?: string;
  headers: JsonSchema;
  payload: JsonSchema;
  bindings?: { kafka: { key: JsonSchema; bindingVersion: string } };
}

const KAFKA_BINDING_VERSION = '0.5.0';
export const DEAD_LETTER_MESSAGE_ID = 'dead_letter';

/** AsyncAPI ids allow letters, digits, `_` and `-`: dots become underscores (event types hold none). */
export function asyncApiId(name: string): string {
  return name.replace(/\./g, '_');
}

/** `payment (external)` → `payment`: the part of a system's name usable in an id. */
function slug(service: string): string {
  return service.replace(/\s*\(external\)\s*/, '').replace(/[^A-Za-z0-9_-]/g, '-');
}

/**
 * The partition key as a template over payload fields, e.g. `{orderId}` or `{locationId}/{sku}`,
 * read by running the definition's key function on a payload that answers every field with its name.
 */
export function keyTemplateOf(def: EventDefinition): string {
  const fieldNames = new Proxy({}, { get: (_, field) => `{${String(field)}}` });
  return def.key(fieldNames);
}

const traceparentPattern = '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$';

/** The CloudEvents Kafka binary-mode headers (envelope.ts) of one event type, as a JSON Schema. */
export function eventHeadersSchema(ceType: string): JsonSchema {
  return {
    type: 'object',
    description: 'CloudEvents 1.0 attributes in Kafka binary content mode, plus correlation, causation and W3C trace context',
    required: [HEADER.specversion, HEADER.id, HEADER.type, HEADER.source, HEADER.time, HEADER.subject, HEADER.contentType, HEADER.correlationId],
    properties: {
      [HEADER.specversion]: { type: 'string', const: '1.0', description: 'CloudEvents specification version' },
      [HEADER.id]: { type: 'string', minLength: 1, description: 'event id, unique per event: consumers deduplicate on it' },
      [HEADER.type]: { type: 'string', const: ceType, description: 'event type carrying its version' },
      [HEADER.source]: { type: 'string', minLength: 1, description: 'the service that produced the event' },
      [HEADER.time]: { type: 'string', format: 'date-time', description: 'when the fact happened' },
      [HEADER.subject]: { type: 'string', minLength: 1, description: 'the aggregate id; equal to the message key' },
      [HEADER.contentType]: { type: 'string', const: 'application/json', description: 'media type of the message value' },
      [HEADER.correlationId]: { type: 'string', minLength: 1, description: 'id shared by every event and request of one journey step' },
      [HEADER.causationId]: { type: 'string', minLength: 1, description: 'ce_id of the event that caused this one, when one did' },
      [HEADER.traceparent]: { type: 'string', pattern: traceparentPattern, description: 'W3C trace context' },
    },
  };
}

/** Headers a consumer adds when it parks a poison message (libs/messaging/src/kafka/dead-letter.ts). */
export const DEAD_LETTER_HEADERS = [
  ['dlq-reason-code', 'namespaced reason, e.g. ENVELOPE.SCHEMA_INVALID'],
  ['dlq-reason', 'what was wrong, at most 2000 characters'],
  ['dlq-original-topic', 'topic the message was consumed from'],
  ['dlq-original-partition', 'its partition'],
  ['dlq-original-offset', 'its offset'],
  ['dlq-consumer', 'the consumer (service) that gave up on it'],
  ['dlq-attempts', 'how many times it was tried'],
  ['dlq-time', 'when it was parked'],
] as const;

function deadLetterMessage(): AsyncApiMessage {
  const numeric = new Set(['dlq-original-partition', 'dlq-original-offset', 'dlq-attempts']);
  const envelopeHeaders = eventHeadersSchema('').properties as Record<string, JsonSchema>;
  const { [HEADER.type]: _type, ...otherEnvelopeHeaders } = envelopeHeaders;
  return {
    name: 'dead-letter',
    title: 'Dead letter',
    summary: 'A message a consumer could not process, parked with key, value and original headers untouched, plus why.',
    headers: {
      type: 'object',
      description: 'the original headers (possibly missing or invalid: that may be why it was parked) plus dlq-* headers',
      required: DEAD_LETTER_HEADERS.map(([name]) => name),
      properties: {
        ...Object.fromEntries(
          DEAD_LETTER_HEADERS.map(([name, description]) => [
            name,
            name === 'dlq-time'
              ? { type: 'string', format: 'date-time', description }
              : numeric.has(name)
                ? { type: 'string', pattern: '^[0-9]+$', description }
                : { type: 'string', minLength: 1, description },
          ]),
        ),
        ...otherEnvelopeHeaders,
        [HEADER.type]: { type: 'string', description: 'the original event type, if it had one' },
      },
    },
    payload: { description: 'the original message value, byte for byte (possibly not JSON)' },
  };
}

function eventMessage(def: EventDefinition): AsyncApiMessage {
  const ceType = ceTypeOf(def);
  const key = keyTemplateOf(def);
  return {
    name: ceType,
    title: `${def.type} v${def.version}`,
    summary: def.description,
    contentType: 'application/json',
    headers: eventHeadersSchema(ceType),
    payload: JSON.parse(JSON.stringify(def.schema)) as JsonSchema,
    bindings: {
      kafka: {
        key: { type: 'string', description: `partition key ${key} of the payload: events of one ${key} stay in order` },
        bindingVersion: KAFKA_BINDING_VERSION,
      },
    },
  };
}

const channelRef = (topic: string) => ({ $ref: `#/channels/${asyncApiId(topic)}` });
const channelMessageRef = (topic: string, messageId: string) => ({ $ref: `#/channels/${asyncApiId(topic)}/messages/${messageId}` });

/**
 * The AsyncAPI 3.0 document of every topic and event, from the contracts alone: one channel per
 * topic and per dead-letter topic, one message per event type, who sends and who receives.
 */
export function buildAsyncApi(): AsyncApiDocument {
  const messages: Record<string, AsyncApiMessage> = {};
  for (const def of EVENT_CATALOGUE) messages[asyncApiId(ceTypeOf(def))] = eventMessage(def);
  messages[DEAD_LETTER_MESSAGE_ID] = deadLetterMessage();

  const channels: Record<string, AsyncApiChannel> = {};
  const operations: Record<string, AsyncApiOperation> = {};
  const kafka = (topic: string) => ({ kafka: { topic, partitions: topicsJson.partitions, bindingVersion: KAFKA_BINDING_VERSION } });

  for (const topic of topicsJson.topics) {
    const defs = EVENT_CATALOGUE.filter((d) => d.topic === topic.name);
    const ids = defs.map((d) => asyncApiId(ceTypeOf(d)));
    const keys = [...new Set(defs.map(keyTemplateOf))];
    channels[asyncApiId(topic.name)] = {
      address: topic.name,
      description: `${topic.description}. Produced by ${topic.owner}; partition key ${keys.join(' or ')}.`,
      messages: Object.fromEntries(ids.map((id) => [id, { $ref: `#/components/messages/${id}` }])),
      bindings: kafka(topic.name),
    };
    const dlq = deadLetterTopicOf(topic.name);
    channels[asyncApiId(dlq)] = {
      address: dlq,
      description: `Poison messages of ${topic.name}, parked by the consumer that gave up on them, with the reason in dlq-* headers.`,
      messages: { [DEAD_LETTER_MESSAGE_ID]: { $ref: `#/components/messages/${DEAD_LETTER_MESSAGE_ID}` } },
      bindings: kafka(dlq),
    };

    operations[`${slug(topic.owner)}_sends_${asyncApiId(topic.name)}`] = {
      action: 'send',
      channel: channelRef(topic.name),
      messages: ids.map((id) => channelMessageRef(topic.name, id)),
      summary: `${topic.owner} publishes ${defs.map(ceTypeOf).join(', ')}`,
      'x-service': topic.owner,
    };
    for (const consumer of CONSUMERS) {
      const read = consumer.events.filter((d) => d.topic === topic.name);
      if (read.length === 0) continue;
      operations[`${slug(consumer.service)}_receives_${asyncApiId(topic.name)}`] = {
        action: 'receive',
        channel: channelRef(topic.name),
        messages: read.map((d) => channelMessageRef(topic.name, asyncApiId(ceTypeOf(d)))),
        summary: `${consumer.service} consumes ${read.map(ceTypeOf).join(', ')}: ${consumer.description}`,
        'x-service': consumer.service,
      };
      // Services of this codebase park what they cannot process; what external systems do is theirs.
      if (!consumer.service.includes('(external)')) {
        operations[`${slug(consumer.service)}_dead_letters_${asyncApiId(topic.name)}`] = {
          action: 'send',
          channel: channelRef(dlq),
          messages: [channelMessageRef(dlq, DEAD_LETTER_MESSAGE_ID)],
          summary: `${consumer.service} parks ${topic.name} messages it cannot process`,
          'x-service': consumer.service,
        };
      }
    }
  }

  return {
    asyncapi: '3.0.0',
    info: {
      title: 'omni-backbone events',
      version: '1.0.0',
      description:
        'Every topic and event of the omni-backbone services, generated from libs/contracts (do not edit by hand). ' +
        'Events travel as CloudEvents 1.0 in Kafka binary content mode: attributes in ce_* headers, the payload as the JSON message value, keyed by the aggregate id. ' +
        'A released event version only ever gains optional fields; a breaking change is a new version (e.g. order.placed.v2) published alongside the old one.',
    },
    defaultContentType: 'application/json',
    servers: {
      local: { host: 'localhost:19092', protocol: 'kafka', description: 'the broker `npm start` runs' },
    },
    channels,
    operations,
    components: { messages },
  };
}

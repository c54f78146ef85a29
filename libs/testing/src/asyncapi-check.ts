import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import fs from 'node:fs';
import path from 'node:path';
import type { SeenMessage } from './kafka-probe';

const ASYNCAPI_FILE = path.resolve(__dirname, '../../../docs/asyncapi.json');

interface Message {
  name: string;
  headers: object;
  payload: object;
}
interface Doc {
  channels: Record<string, { address: string; messages: Record<string, { $ref: string }> }>;
  components: { messages: Record<string, Message> };
}

/** Validators for what docs/asyncapi.json says each topic carries, as an outside consumer reads it. */
class AsyncApiContract {
  private readonly ajv = new Ajv({ allErrors: true, strict: false });
  private readonly validators = new Map<object, ValidateFunction>();
  /** topic → ce type (or message name) → message */
  private readonly byTopic = new Map<string, Map<string, Message>>();

  constructor(doc: Doc) {
    addFormats(this.ajv);
    for (const channel of Object.values(doc.channels)) {
      const messages = Object.values(channel.messages).map((m) => {
        const id = m.$ref.replace('#/components/messages/', '');
        const message = doc.components.messages[id];
        if (!message) throw new Error(`docs/asyncapi.json: ${m.$ref} does not resolve`);
        return message;
      });
      this.byTopic.set(channel.address, new Map(messages.map((m) => [m.name, m])));
    }
  }

  private validate(schema: object, value: unknown): string[] {
    let v = this.validators.get(schema);
    if (!v) this.validators.set(schema, (v = this.ajv.compile(schema)));
    return v(value) ? [] : (v.errors ?? []).map(describe);
  }

  /** What is wrong with one consumed message; empty when it matches the document. */
  problems(m: SeenMessage): string[] {
    const messages = this.byTopic.get(m.topic);
    if (!messages) return [`no channel for topic ${m.topic}`];
    if (m.topic.endsWith('.dlq')) {
      const deadLetter = [...messages.values()][0];
      return this.validate(deadLetter.headers, m.headers).map((e) => `headers${e}`);
    }
    const type = m.headers['ce_type'];
    const message = type === undefined ? undefined : messages.get(type);
    if (!message) return [`${m.topic} carries no message of type ${type ?? '(no ce_type header)'}`];
    const found = this.validate(message.headers, m.headers).map((e) => `headers${e}`);
    if (m.key !== m.headers['ce_subject']) found.push(`key ${m.key} differs from ce_subject ${m.headers['ce_subject']}`);
    let payload: unknown;
    try {
      payload = JSON.parse(m.value ?? '');
    } catch (e) {
      return [...found, `value is not JSON: ${(e as Error).message}`];
    }
    return [...found, ...this.validate(message.payload, payload).map((e) => `payload${e}`)];
  }
}

function describe(e: ErrorObject): string {
  const where = e.instancePath || '';
  if (e.keyword === 'additionalProperties') return `${where}: unknown field '${(e.params as { additionalProperty: string }).additionalProperty}'`;
  if (e.keyword === 'required') return `${where}: missing '${(e.params as { missingProperty: string }).missingProperty}'`;
  return `${where}: ${e.message ?? e.keyword}`;
}

let contract: AsyncApiContract | null = null;
function loaded(): AsyncApiContract {
  contract ??= new AsyncApiContract(JSON.parse(fs.readFileSync(ASYNCAPI_FILE, 'utf8')) as Doc);
  return contract;
}

/** Every message that does not match docs/asyncapi.json, with what is wrong with it. */
export function asyncApiViolations(messages: readonly SeenMessage[]): { message: SeenMessage; problems: string[] }[] {
  return messages.map((message) => ({ message, problems: loaded().problems(message) })).filter((v) => v.problems.length > 0);
}

/**
 * Fails unless every message (as a KafkaProbe saw it) matches the AsyncAPI document: a channel for
 * its topic, a message for its ce_type, valid headers and payload, the key equal to ce_subject.
 * Answers how many messages of each type it checked.
 */
export function expectValidAgainstAsyncApi(messages: readonly SeenMessage[]): Record<string, number> {
  const violations = asyncApiViolations(messages);
  if (violations.length > 0) {
    const lines = violations
      .slice(0, 20)
      .map((v) => `- ${v.message.topic} ${v.message.headers['ce_type'] ?? '?'} key ${v.message.key}: ${v.problems.join('; ')}`);
    throw new Error(`${violations.length} of ${messages.length} messages do not match docs/asyncapi.json:\n${lines.join('\n')}`);
  }
  const counts: Record<string, number> = {};
  for (const m of messages) {
    const type = m.topic.endsWith('.dlq') ? `${m.topic} dead letter` : m.headers['ce_type'];
    counts[type] = (counts[type] ?? 0) + 1;
  }
  return counts;
}

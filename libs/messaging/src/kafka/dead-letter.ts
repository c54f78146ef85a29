import { deadLetterTopicOf } from '@omni/contracts';

export interface ConsumedMessage {
  topic: string;
  partition: number;
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  headers?: Record<string, Buffer | string | (Buffer | string)[] | undefined>;
}

export interface DeadLetter {
  topic: string;
  messages: { key: Buffer | null; value: Buffer | null; headers: Record<string, Buffer | string> }[];
}

/**
 * The parked copy of a poison message: key, value and original headers untouched, plus where it
 * came from and why it was parked, so it can be inspected and re-driven after a fix.
 */
export function deadLetterFor(msg: ConsumedMessage, reason: { code: string; detail: string }, consumer: string, attempts: number): DeadLetter {
  const headers: Record<string, Buffer | string> = {};
  for (const [k, v] of Object.entries(msg.headers ?? {})) {
    const first = Array.isArray(v) ? v[0] : v;
    if (first !== undefined) headers[k] = first;
  }
  Object.assign(headers, {
    'dlq-reason-code': reason.code,
    'dlq-reason': reason.detail.slice(0, 2000),
    'dlq-original-topic': msg.topic,
    'dlq-original-partition': String(msg.partition),
    'dlq-original-offset': msg.offset,
    'dlq-consumer': consumer,
    'dlq-attempts': String(attempts),
    'dlq-time': new Date().toISOString(),
  });
  return { topic: deadLetterTopicOf(msg.topic), messages: [{ key: msg.key, value: msg.value, headers }] };
}

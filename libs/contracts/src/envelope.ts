import { findEventDefinition } from './catalogue';
import { ceTypeOf, EventDefinition } from './define-event';
import { consumedSchemaErrors, schemaErrors } from './schema-validator';

/**
 * The envelope every event travels in: CloudEvents 1.0 attributes in Kafka's binary content mode
 * (attributes as `ce_*` headers, the payload as the JSON message value), plus correlation and
 * causation ids as CloudEvents extensions and W3C trace context.
 */
export interface EventEnvelope<P = unknown> {
  readonly id: string;
  /** CloudEvents type carrying the version: `order.placed.v1`. */
  readonly type: string;
  readonly source: string;
  readonly time: string;
  /** The aggregate id; also the Kafka message key. */
  readonly subject: string;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly traceparent: string | null;
  readonly data: P;
}

export const HEADER = {
  specversion: 'ce_specversion',
  id: 'ce_id',
  type: 'ce_type',
  source: 'ce_source',
  time: 'ce_time',
  subject: 'ce_subject',
  correlationId: 'ce_correlationid',
  causationId: 'ce_causationid',
  contentType: 'content-type',
  traceparent: 'traceparent',
} as const;

export interface WireMessage {
  key: string;
  value: string;
  headers: Record<string, string>;
}

export interface NewEnvelope<P> {
  id: string;
  source: string;
  time: Date;
  correlationId: string;
  causationId?: string | null;
  traceparent?: string | null;
  payload: P;
}

/** Builds an envelope for `def`, refusing a payload its schema rejects: publishing one is a bug. */
export function envelopeFor<P>(def: EventDefinition<P>, e: NewEnvelope<P>): EventEnvelope<P> {
  const errors = schemaErrors(def, e.payload);
  if (errors.length > 0) {
    throw new Error(`refusing to publish an invalid ${ceTypeOf(def)}: ${errors.join('; ')}`);
  }
  return {
    id: e.id,
    type: ceTypeOf(def),
    source: e.source,
    time: e.time.toISOString(),
    subject: def.key(e.payload),
    correlationId: e.correlationId,
    causationId: e.causationId ?? null,
    traceparent: e.traceparent ?? null,
    data: e.payload,
  };
}

export function toWireMessage(env: EventEnvelope): WireMessage {
  const headers: Record<string, string> = {
    [HEADER.specversion]: '1.0',
    [HEADER.id]: env.id,
    [HEADER.type]: env.type,
    [HEADER.source]: env.source,
    [HEADER.time]: env.time,
    [HEADER.subject]: env.subject,
    [HEADER.contentType]: 'application/json',
    [HEADER.correlationId]: env.correlationId,
  };
  if (env.causationId) headers[HEADER.causationId] = env.causationId;
  if (env.traceparent) headers[HEADER.traceparent] = env.traceparent;
  return { key: env.subject, value: JSON.stringify(env.data), headers };
}

/** Why a message cannot be accepted; such a message is dead-lettered with this reason. */
export type DecodeFailure =
  | { code: 'ENVELOPE.MISSING_HEADER'; detail: string }
  | { code: 'ENVELOPE.BAD_JSON'; detail: string }
  | { code: 'ENVELOPE.UNKNOWN_TYPE'; detail: string }
  | { code: 'ENVELOPE.SCHEMA_INVALID'; detail: string };

export type DecodeResult = { ok: true; envelope: EventEnvelope } | { ok: false; failure: DecodeFailure };

type RawHeaders = Record<string, Buffer | string | (Buffer | string)[] | undefined>;

function header(headers: RawHeaders, name: string): string | undefined {
  const v = headers[name];
  const first = Array.isArray(v) ? v[0] : v;
  return first === undefined ? undefined : first.toString();
}

const REQUIRED: (keyof typeof HEADER)[] = ['id', 'type', 'source', 'time', 'correlationId'];

/** Reads a consumed message back into an envelope, validating its payload against the catalogue. */
export function decodeWireMessage(msg: { key: Buffer | string | null; value: Buffer | string | null; headers?: RawHeaders }): DecodeResult {
  const headers = msg.headers ?? {};
  const missing = REQUIRED.filter((h) => !header(headers, HEADER[h]));
  if (missing.length > 0) {
    return { ok: false, failure: { code: 'ENVELOPE.MISSING_HEADER', detail: `missing ${missing.map((h) => HEADER[h]).join(', ')}` } };
  }
  const type = header(headers, HEADER.type)!;
  const def = findEventDefinition(type);
  if (!def) return { ok: false, failure: { code: 'ENVELOPE.UNKNOWN_TYPE', detail: `no schema for ${type}` } };

  let data: unknown;
  try {
    data = JSON.parse(msg.value === null ? '' : msg.value.toString());
  } catch (e) {
    return { ok: false, failure: { code: 'ENVELOPE.BAD_JSON', detail: (e as Error).message } };
  }
  // Unknown fields are dropped (tolerant reader); anything else that breaks the schema is refused.
  const errors = consumedSchemaErrors(def, data);
  if (errors.length > 0) {
    return { ok: false, failure: { code: 'ENVELOPE.SCHEMA_INVALID', detail: errors.join('; ') } };
  }
  return {
    ok: true,
    envelope: {
      id: header(headers, HEADER.id)!,
      type,
      source: header(headers, HEADER.source)!,
      time: header(headers, HEADER.time)!,
      subject: header(headers, HEADER.subject) ?? msg.key?.toString() ?? '',
      correlationId: header(headers, HEADER.correlationId)!,
      causationId: header(headers, HEADER.causationId) ?? null,
      traceparent: header(headers, HEADER.traceparent) ?? null,
      data,
    },
  };
}

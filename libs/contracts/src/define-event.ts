/** A JSON Schema as we write it for event payloads (draft 2020-12 subset, validated by ajv). */
export type JsonSchema = Record<string, unknown>;

/**
 * One event type at one version: the single place its name, topic, key and schema are declared.
 * Additive changes keep the version; a breaking change declares a new version (STYLE.md, Events).
 */
export interface EventDefinition<P = unknown> {
  readonly type: string;
  readonly version: number;
  readonly topic: string;
  /** The partition key: the id of the aggregate whose events must stay in order. */
  key(payload: P): string;
  readonly schema: JsonSchema;
  readonly description: string;
  /** Payload type marker for inference only; never set at run time. */
  readonly __payload?: P;
}

export function defineEvent<P>(def: Omit<EventDefinition<P>, '__payload'>): EventDefinition<P> {
  return Object.freeze({ ...def });
}

/** The CloudEvents `type` attribute: the event name carrying its version, e.g. `order.placed.v1`. */
export function ceTypeOf(def: Pick<EventDefinition, 'type' | 'version'>): string {
  return `${def.type}.v${def.version}`;
}

export type PayloadOf<D> = D extends EventDefinition<infer P> ? P : never;

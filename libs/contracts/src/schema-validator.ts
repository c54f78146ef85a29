import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { EventDefinition } from './define-event';

// Producers are strict: an unknown field in what we publish is a bug.
const strict = new Ajv({ allErrors: true, strict: true });
// Consumers are tolerant readers: fields they do not know are dropped, not refused, so a producer
// may add an optional field within a version before every consumer has upgraded (ADR 0005).
const tolerant = new Ajv({ allErrors: true, strict: true, removeAdditional: true });
addFormats(strict);
addFormats(tolerant);

const compiled = { strict: new WeakMap<EventDefinition, ValidateFunction>(), tolerant: new WeakMap<EventDefinition, ValidateFunction>() };

function validatorFor(def: EventDefinition, mode: 'strict' | 'tolerant'): ValidateFunction {
  let validate = compiled[mode].get(def);
  if (!validate) {
    validate = (mode === 'strict' ? strict : tolerant).compile(def.schema);
    compiled[mode].set(def, validate);
  }
  return validate;
}

/** Human-readable problems with a payload, each naming the field and the rule; empty when valid. */
export function schemaErrors(def: EventDefinition, payload: unknown): string[] {
  const validate = validatorFor(def, 'strict');
  if (validate(payload)) return [];
  return (validate.errors ?? []).map(describeError);
}

/**
 * Validates a consumed payload as a tolerant reader: unknown properties are removed from
 * `payload` (in place) instead of failing; everything else must hold.
 */
export function consumedSchemaErrors(def: EventDefinition, payload: unknown): string[] {
  const validate = validatorFor(def, 'tolerant');
  if (validate(payload)) return [];
  return (validate.errors ?? []).map(describeError);
}

function describeError(e: ErrorObject): string {
  const field = e.instancePath || '(root)';
  if (e.keyword === 'additionalProperties') {
    return `${field}: unknown field '${(e.params as { additionalProperty: string }).additionalProperty}'`;
  }
  if (e.keyword === 'required') {
    return `${field}: missing required field '${(e.params as { missingProperty: string }).missingProperty}'`;
  }
  return `${field}: ${e.message ?? e.keyword}`;
}

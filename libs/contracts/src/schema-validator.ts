import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { EventDefinition } from './define-event';

const ajv = new Ajv({ allErrors: true, strict: true });
addFormats(ajv);

const compiled = new WeakMap<EventDefinition, ValidateFunction>();

function validatorFor(def: EventDefinition): ValidateFunction {
  let validate = compiled.get(def);
  if (!validate) {
    validate = ajv.compile(def.schema);
    compiled.set(def, validate);
  }
  return validate;
}

/** Human-readable problems with a payload, each naming the field and the rule; empty when valid. */
export function schemaErrors(def: EventDefinition, payload: unknown): string[] {
  const validate = validatorFor(def);
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

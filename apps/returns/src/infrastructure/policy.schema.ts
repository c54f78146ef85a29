import { CHANNELS, DISPOSITIONS, REFUND_METHODS, RETURN_CONDITIONS } from '@omni/contracts';
import Ajv from 'ajv';
import { FieldProblem } from '@omni/platform';

const ruleId = { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,63}$', maxLength: 64, example: 'window-default' };
const category = { type: 'string', pattern: '^([a-z0-9][a-z0-9-]{0,63}|\\*)$', maxLength: 64, example: '*' };
const obj = (required: string[], properties: Record<string, unknown>) => ({ type: 'object', additionalProperties: false, required, properties });

/** JSON Schema of a return policy document (the shape; policyProblems checks the cross references). */
export const POLICY_DOCUMENT_SCHEMA = obj(['categories', 'windows', 'finalSale', 'conditions', 'dispositions', 'receiptless'], {
  categories: {
    type: 'array',
    maxItems: 100,
    items: obj(['id', 'skuPrefixes'], {
      id: ruleId,
      skuPrefixes: { type: 'array', minItems: 1, maxItems: 50, items: { type: 'string', minLength: 1, maxLength: 64, example: 'FINAL-' } },
    }),
  },
  windows: {
    type: 'array',
    minItems: 1,
    maxItems: 200,
    items: obj(['id', 'channel', 'category', 'days'], {
      id: ruleId,
      channel: { type: 'string', enum: ['*', ...CHANNELS] },
      category,
      days: { type: 'integer', minimum: 0, maximum: 3650 },
    }),
  },
  finalSale: obj(['id', 'categories'], { id: ruleId, categories: { type: 'array', maxItems: 100, items: { ...ruleId, example: 'clearance' } } }),
  conditions: {
    type: 'array',
    minItems: 1,
    maxItems: 100,
    items: obj(['id', 'category', 'accepted'], {
      id: ruleId,
      category,
      accepted: { type: 'array', maxItems: 5, items: { type: 'string', enum: [...RETURN_CONDITIONS] } },
    }),
  },
  dispositions: obj([...RETURN_CONDITIONS], Object.fromEntries(RETURN_CONDITIONS.map((c) => [c, { type: 'string', enum: [...DISPOSITIONS] }]))),
  receiptless: obj(['id', 'allowed', 'refundMethods', 'maxAmount'], {
    id: ruleId,
    allowed: { type: 'boolean' },
    refundMethods: { type: 'array', maxItems: 2, items: { type: 'string', enum: [...REFUND_METHODS] } },
    maxAmount: { type: 'integer', minimum: 0, maximum: 100_000_000 },
  }),
});

const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(POLICY_DOCUMENT_SCHEMA);

/** Every schema rule the document breaks, named by field (`document.windows.0.days`). */
export function documentSchemaProblems(doc: unknown): FieldProblem[] {
  if (validate(doc)) return [];
  return (validate.errors ?? []).map((e) => {
    const path = e.instancePath.split('/').filter(Boolean);
    if (e.keyword === 'required') path.push(String(e.params.missingProperty));
    if (e.keyword === 'additionalProperties') path.push(String(e.params.additionalProperty));
    const field = ['document', ...path].join('.');
    return { field, rule: e.keyword, message: `${field} ${e.message ?? 'is invalid'}` };
  });
}

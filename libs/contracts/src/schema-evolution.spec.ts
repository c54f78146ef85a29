import { JsonSchema } from './define-event';
import { breakingChanges, describeBreakingChanges } from './schema-evolution';

/** A released schema shaped like ours: a top-level object, a nested object and an array of objects. */
const released: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['orderId', 'status', 'lines', 'store'],
  properties: {
    orderId: { type: 'string', format: 'uuid' },
    status: { type: 'string', enum: ['OPEN', 'DONE'] },
    note: { type: 'string', maxLength: 200 },
    store: { type: 'object', additionalProperties: false, required: ['id'], properties: { id: { type: 'string', minLength: 1 } } },
    lines: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['sku', 'quantity'],
        properties: { sku: { type: 'string', pattern: '^[A-Z]+$' }, quantity: { type: 'integer', minimum: 1 } },
      },
    },
  },
};

type Edit = (s: JsonSchema) => void;
const props = (s: JsonSchema) => s.properties as Record<string, JsonSchema>;
const lineItem = (s: JsonSchema) => props(s).lines.items as JsonSchema;
const store = (s: JsonSchema) => props(s).store;
const edited = (edit: Edit): JsonSchema => {
  const copy = JSON.parse(JSON.stringify(released)) as JsonSchema;
  edit(copy);
  return copy;
};

describe('breakingChanges', () => {
  const compatible: [string, Edit][] = [
    ['nothing changed', () => undefined],
    ['an optional top-level property added', (s) => (props(s).channel = { type: 'string' })],
    ['an optional property added to a nested object', (s) => (props(store(s)).name = { type: 'string' })],
    ['an optional property added to array items', (s) => (props(lineItem(s)).unitPrice = { type: 'integer', minimum: 0 })],
    [
      'an optional object with its own required fields added',
      (s) => (props(s).gift = { type: 'object', required: ['message'], properties: { message: { type: 'string' } } }),
    ],
    ['a description added', (s) => (props(s).orderId.description = 'the order')],
    ['a description added to array items and the schema', (s) => ((lineItem(s).description = 'a line'), (s.description = 'an order'))],
    ['required listed in another order', (s) => (s.required = ['store', 'lines', 'status', 'orderId'])],
    ['enum listed in another order', (s) => (props(s).status.enum = ['DONE', 'OPEN'])],
    ['keywords written in another order', (s) => (props(s).orderId = { format: 'uuid', type: 'string' })],
  ];
  it.each(compatible)('allows %s', (_, edit) => {
    expect(breakingChanges(released, edited(edit))).toEqual([]);
  });

  const breaking: [string, Edit, { path: string; problem: RegExp }][] = [
    ['a property removed', (s) => delete props(s).note, { path: '#/properties/note', problem: /property 'note' removed or renamed/ }],
    [
      'a property renamed',
      (s) => ((props(s).id = props(s).orderId), delete props(s).orderId, (s.required = ['id', 'status', 'lines', 'store'])),
      { path: '#/properties/orderId', problem: /removed or renamed/ },
    ],
    [
      'a property removed from array items',
      (s) => delete props(lineItem(s)).quantity,
      { path: '#/properties/lines/items/properties/quantity', problem: /removed/ },
    ],
    [
      'a required property added',
      (s) => ((props(s).channel = { type: 'string' }), (s.required as string[]).push('channel')),
      { path: '#/properties/channel', problem: /required property 'channel' added/ },
    ],
    [
      'a required property added to a nested object',
      (s) => ((props(store(s)).name = { type: 'string' }), (store(s).required as string[]).push('name')),
      { path: '#/properties/store/properties/name', problem: /required property 'name' added/ },
    ],
    [
      'an optional property made required',
      (s) => (s.required as string[]).push('note'),
      { path: '#/properties/note', problem: /optional property 'note' became required/ },
    ],
    [
      'a required property made optional',
      (s) => (s.required = ['orderId', 'status', 'lines']),
      { path: '#/properties/store', problem: /required property 'store' became optional/ },
    ],
    [
      'a type changed',
      (s) => (props(lineItem(s)).quantity.type = 'number'),
      { path: '#/properties/lines/items/properties/quantity', problem: /'type' changed from "integer" to "number"/ },
    ],
    ['a type made nullable', (s) => (props(s).note.type = ['string', 'null']), { path: '#/properties/note', problem: /'type' changed/ }],
    ['an enum value removed', (s) => (props(s).status.enum = ['OPEN']), { path: '#/properties/status', problem: /'enum' changed/ }],
    ['an enum value added', (s) => (props(s).status.enum = ['OPEN', 'DONE', 'LOST']), { path: '#/properties/status', problem: /'enum' changed/ }],
    ['a format added', (s) => (props(s).note.format = 'email'), { path: '#/properties/note', problem: /'format' added: "email"/ }],
    ['a format changed', (s) => (props(s).orderId.format = 'uri'), { path: '#/properties/orderId', problem: /'format' changed/ }],
    [
      'a pattern narrowed',
      (s) => (props(lineItem(s)).sku.pattern = '^[A-Z]{3}$'),
      { path: '#/properties/lines/items/properties/sku', problem: /'pattern' changed/ },
    ],
    ['a bound tightened', (s) => (props(s).note.maxLength = 100), { path: '#/properties/note', problem: /'maxLength' changed from 200 to 100/ }],
    [
      'a bound removed',
      (s) => delete props(lineItem(s)).quantity.minimum,
      { path: '#/properties/lines/items/properties/quantity', problem: /'minimum' removed/ },
    ],
    ['additional properties allowed', (s) => (store(s).additionalProperties = true), { path: '#/properties/store', problem: /'additionalProperties' changed/ }],
    ['array items removed', (s) => delete props(s).lines.items, { path: '#/properties/lines/items', problem: /'items' removed/ }],
    ['minItems raised', (s) => (props(s).lines.minItems = 2), { path: '#/properties/lines', problem: /'minItems' changed/ }],
  ];
  it.each(breaking)('refuses %s, naming the path', (_, edit, expected) => {
    const changes = breakingChanges(released, edited(edit));
    expect(changes).toContainEqual({ path: expected.path, problem: expect.stringMatching(expected.problem) });
  });

  it('reports every change at once', () => {
    const changes = breakingChanges(
      released,
      edited((s) => {
        delete props(s).note;
        props(s).orderId.format = 'uri';
      }),
    );
    expect(changes.map((c) => c.path).sort()).toEqual(['#/properties/note', '#/properties/orderId']);
  });
});

describe('describeBreakingChanges', () => {
  it('names the event, each path and asks for a new version', () => {
    const message = describeBreakingChanges('order.placed.v1', [{ path: '#/properties/note', problem: "property 'note' removed or renamed" }]);
    expect(message).toMatch(/^order\.placed\.v1 changed incompatibly/);
    expect(message).toContain("#/properties/note: property 'note' removed or renamed");
    expect(message).toContain('declare a new version (order.placed.v2)');
  });
});

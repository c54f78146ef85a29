import { EventDefinition } from './define-event';
import { EXAMPLES, later, lineId } from './event-examples.fixtures';
import * as order from './events/order.events';
import { schemaErrors } from './schema-validator';

describe('schemaErrors', () => {
  const placed = EXAMPLES.get(order.OrderPlacedV1 as EventDefinition)!.payload as Record<string, unknown>;
  const aLine = { lineId, sku: 'A', quantity: 1, unitPrice: 100 };
  const without = (field: string) => Object.fromEntries(Object.entries(placed).filter(([k]) => k !== field));

  it.each([
    ['an unknown top-level field', { ...placed, price: 1 }, ["(root): unknown field 'price'"]],
    ['an unknown field inside a line', { ...placed, lines: [{ ...aLine, note: 'x' }] }, ["/lines/0: unknown field 'note'"]],
    ['a missing required field', without('storeId'), ["(root): missing required field 'storeId'"]],
    ['a missing required field inside a line', { ...placed, lines: [{ lineId, sku: 'A', unitPrice: 100 }] }, ["/lines/0: missing required field 'quantity'"]],
    ['a required field that is undefined', { ...placed, customerId: undefined }, ["(root): missing required field 'customerId'"]],
    ['a malformed uuid', { ...placed, orderId: 'abc' }, ['/orderId: must match format "uuid"']],
    ['a value out of range', { ...placed, lines: [{ ...aLine, quantity: 10001 }] }, ['/lines/0/quantity: must be <= 10000']],
    ['a value not in the enum', { ...placed, channel: 'fax' }, ['/channel: must be equal to one of the allowed values']],
    ['a wrong type', { ...placed, customerId: 7 }, ['/customerId: must be string,null']],
    ['a malformed currency', { ...placed, currency: 'eur' }, ['/currency: must match pattern "^[A-Z]{3}$"']],
    ['a negative price', { ...placed, lines: [{ ...aLine, unitPrice: -1 }] }, ['/lines/0/unitPrice: must be >= 0']],
    ['null instead of an object', null, ['(root): must be object']],
  ])('describes %s with the field path and the rule', (_, payload, expected) => {
    expect(schemaErrors(order.OrderPlacedV1, payload)).toEqual(expected);
  });

  it('accepts a guest order (customerId null)', () => {
    expect(schemaErrors(order.OrderPlacedV1, { ...placed, customerId: null })).toEqual([]);
  });

  it('reports every problem at once', () => {
    expect(schemaErrors(order.OrderConfirmedV1, { extra: 1, readyBy: later, confirmedAt: 'now' }).sort()).toEqual(
      ["(root): missing required field 'orderId'", "(root): unknown field 'extra'", '/confirmedAt: must match format "date-time"'].sort(),
    );
  });
});

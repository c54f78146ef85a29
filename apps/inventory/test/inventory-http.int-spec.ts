import { http, HttpResult, sql, Stack, startStack } from '@omni/testing';
import { randomUUID } from 'node:crypto';
import { uniq } from './inventory.harness';

/** Bad requests are refused as problem+json naming the field and the rule, and change nothing. */
describe('inventory HTTP API refusals', () => {
  let stack: Stack;
  let db: string;
  const url = () => stack.services.inventory.url;
  const store = uniq('S');
  const valid = {
    name: 'Centrum',
    kind: 'store',
    timeZone: 'Europe/Amsterdam',
    offersPickup: true,
    pickTimeMinutes: 30,
    pickupHoldDays: 3,
    transferDays: 1,
    latitude: 52.37,
    longitude: 4.89,
  };

  beforeAll(async () => {
    stack = await startStack(['inventory']);
    db = stack.databases.inventory;
    expect((await http('PUT', `${url()}/locations/${store}`, valid)).status).toBe(201);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  function expectProblem(res: HttpResult, status: number, code: string, fields: string[] = []): void {
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.code).toBe(code);
    if (fields.length > 0) {
      expect(res.body.errors.map((e: { field: string; rule: string }) => `${e.field}:${e.rule}`)).toEqual(expect.arrayContaining(fields));
    }
  }

  it('creates, replaces, reads and lists locations', async () => {
    const replaced = await http('PUT', `${url()}/locations/${store}`, { ...valid, name: 'Centrum 2' });
    expect(replaced.status).toBe(200);
    expect((await http('GET', `${url()}/locations/${store}`)).body).toEqual({ id: store, ...valid, name: 'Centrum 2' });
    expect((await http('GET', `${url()}/locations`)).body.locations).toEqual(expect.arrayContaining([expect.objectContaining({ id: store })]));
  });

  it('refuses an invalid location body, naming every failed rule, and creates nothing', async () => {
    const id = uniq('BAD');
    const res = await http('PUT', `${url()}/locations/${id}`, { ...valid, kind: 'shop', timeZone: 'Mars/Olympus', pickupHoldDays: 0, latitude: 123, extra: 1 });
    expectProblem(res, 400, 'REQUEST.INVALID', ['kind:isIn', 'timeZone:isTimeZone', 'pickupHoldDays:min', 'latitude:max', 'extra:whitelistValidation']);
    expectProblem(await http('GET', `${url()}/locations/${id}`), 404, 'LOCATION.NOT_FOUND');
    expectProblem(await http('PUT', `${url()}/locations/bad%20id!`, valid), 400, 'REQUEST.INVALID', ['id:matches']);
  });

  it('refuses stock changes at an unknown location with 404, creating no stock row', async () => {
    const nowhere = uniq('NOWHERE');
    expectProblem(await http('POST', `${url()}/locations/${nowhere}/stock/SKU-1/adjustments`, { reason: 'receipt', quantity: 5 }), 404, 'LOCATION.NOT_FOUND');
    expectProblem(await http('PUT', `${url()}/locations/${nowhere}/stock/SKU-1/safety-stock`, { safetyStock: 1 }), 404, 'LOCATION.NOT_FOUND');
    expect(await sql(db, `SELECT count(*)::int AS n FROM stock WHERE location_id = $1`, [nowhere])).toEqual([{ n: 0 }]);
  });

  it('refuses invalid stock bodies and on hand below reserved', async () => {
    expectProblem(await http('PUT', `${url()}/locations/${store}/stock/SKU-1/safety-stock`, { safetyStock: -1 }), 400, 'REQUEST.INVALID', ['safetyStock:min']);
    expectProblem(await http('POST', `${url()}/locations/${store}/stock/SKU-1/adjustments`, { reason: 'gift', quantity: 1.5 }), 400, 'REQUEST.INVALID', [
      'reason:isIn',
      'quantity:isInt',
    ]);
    expect((await http('GET', `${url()}/locations/${store}/stock/SKU-1`)).body).toMatchObject({ onHand: 0, safetyStock: 0 });
  });

  it('refuses bad availability queries', async () => {
    expectProblem(await http('GET', `${url()}/availability?stores=${store}`), 400, 'REQUEST.INVALID', ['skus:matches']);
    expectProblem(await http('GET', `${url()}/availability?skus=A&stores=${store}&quantity=0`), 400, 'REQUEST.INVALID', ['quantity:min']);
    expectProblem(await http('GET', `${url()}/availability?skus=A,,B&stores=${store}`), 400, 'REQUEST.INVALID', ['skus:matches']);
    expectProblem(await http('GET', `${url()}/availability?skus=A&stores=${uniq('NOWHERE')}`), 404, 'LOCATION.NOT_FOUND');
  });

  it('refuses unknown or malformed transfers and bad directions', async () => {
    expectProblem(await http('GET', `${url()}/transfers/not-a-uuid`), 400, 'REQUEST.INVALID', ['id:isUuid']);
    expectProblem(await http('GET', `${url()}/transfers/${randomUUID()}`), 404, 'TRANSFER.NOT_FOUND');
    expectProblem(await http('POST', `${url()}/transfers/${randomUUID()}/ship`), 404, 'TRANSFER.NOT_FOUND');
    expectProblem(await http('POST', `${url()}/transfers/${randomUUID()}/receive`), 404, 'TRANSFER.NOT_FOUND');
    expectProblem(await http('GET', `${url()}/locations/${store}/transfers?direction=sideways`), 400, 'REQUEST.INVALID', ['direction:isIn']);
  });
});

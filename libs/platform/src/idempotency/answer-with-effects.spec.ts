import { answerText, answerWithEffects, IdempotencyKeyRef, settleAnswer, withIdempotencyKey } from './key-in-flight';

const ref = (untaken: boolean): IdempotencyKeyRef => ({
  caller: 'back-office',
  method: 'POST',
  route: '/orders',
  key: 'k-1',
  ...(untaken ? { untaken: { hash: 'h', ttlHours: 24 } } : {}),
});

describe('an answer kept with the effects', () => {
  it('is decided from what the request creates, as the key will keep it', () => {
    const key = ref(true);
    withIdempotencyKey(key, () => answerWithEffects(201, (created: { id: string }) => ({ id: created.id, status: 'PLACED' })));
    settleAnswer(key, { id: 'o-1' });
    expect(key.answer).toEqual({ status: 201, body: '{"id":"o-1","status":"PLACED"}' });
  });

  it('is not asked for on a route that took its key before the handler ran, nor without a key', () => {
    const takenFirst = ref(false);
    withIdempotencyKey(takenFirst, () => answerWithEffects(201, () => ({})));
    settleAnswer(takenFirst, { id: 'o-1' });
    expect(takenFirst.answerOf).toBeUndefined();
    expect(takenFirst.answer).toBeUndefined();
    expect(() => answerWithEffects(201, () => ({}))).not.toThrow();
    expect(() => settleAnswer(null, { id: 'o-1' })).not.toThrow();
  });

  it('keeps no body as none, and a body as its JSON', () => {
    expect(answerText(undefined)).toBeNull();
    expect(answerText({ a: [1, null] })).toBe('{"a":[1,null]}');
  });
});

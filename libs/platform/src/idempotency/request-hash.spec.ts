import { canonicalJson, IDEMPOTENCY_KEY, requestHash } from './request-hash';

describe('requestHash', () => {
  it.each([
    ['the same body with keys in another order', { a: 1, b: { c: 2, d: [1, 2] } }, { b: { d: [1, 2], c: 2 }, a: 1 }, true],
    ['a different value', { a: 1 }, { a: 2 }, false],
    ['arrays in another order', { a: [1, 2] }, { a: [2, 1] }, false],
    ['an undefined field and no field', { a: 1, b: undefined }, { a: 1 }, true],
    ['no body and an empty body', undefined, {}, false],
  ])('%s', (_, x, y, same) => {
    expect(requestHash({}, x) === requestHash({}, y)).toBe(same);
  });

  it('tells requests with another query apart', () => {
    expect(requestHash({ q: '1' }, {})).not.toBe(requestHash({ q: '2' }, {}));
  });

  it('writes canonical JSON', () => {
    expect(canonicalJson({ b: 'x', a: [null, true, { z: 1, y: 2 }] })).toBe('{"a":[null,true,{"y":2,"z":1}],"b":"x"}');
  });
});

describe('IDEMPOTENCY_KEY', () => {
  it.each([
    ['a uuid', 'c1f1d3a8-6a3e-4a9f-8a55-3f1f0b2e9d10', true],
    ['letters, digits and . _ : -', 'order:42_retry.1-a', true],
    ['128 characters', 'k'.repeat(128), true],
    ['129 characters', 'k'.repeat(129), false],
    ['empty', '', false],
    ['a space', 'a b', false],
    ['a slash', 'a/b', false],
  ])('%s: %s', (_, key, ok) => expect(IDEMPOTENCY_KEY.test(key)).toBe(ok));
});

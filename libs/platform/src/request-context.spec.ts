import { correlationIdFrom, RequestContext, requestContext } from './request-context';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ctx = (correlationId: string): RequestContext => ({ correlationId, causationId: 'cause-1' });
const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('correlationIdFrom', () => {
  it.each([
    ['a uuid', '6f1c2a8e-3b7d-4c1e-9f2a-1d2e3f4a5b6c'],
    ['letters, digits and . _ : -', 'web:order_42.retry-1'],
    ['one character', 'a'],
    ['128 characters', 'x'.repeat(128)],
  ])('keeps %s', (_, id) => {
    expect(correlationIdFrom(id)).toBe(id);
  });

  it('keeps the first of repeated headers when it is safe', () => {
    expect(correlationIdFrom(['first-id', 'second-id'])).toBe('first-id');
  });

  it.each([
    ['a missing header', undefined],
    ['an empty header', ''],
    ['129 characters', 'x'.repeat(129)],
    ['a space', 'abc def'],
    ['a newline (log injection)', 'abc\nlevel=fatal'],
    ['markup', '<script>alert(1)</script>'],
    ['a slash', 'a/b'],
    ['non-ASCII letters', 'bestellung-ü'],
    ['no repeated values', []],
    ['an unsafe first value', ['bad id', 'good-id']],
  ])('replaces %s with a new uuid', (_, header) => {
    expect(correlationIdFrom(header)).toMatch(UUID);
  });

  it('makes a different id each time', () => {
    expect(correlationIdFrom(undefined)).not.toBe(correlationIdFrom(undefined));
  });
});

describe('requestContext', () => {
  it('has no current context outside run', () => {
    expect(requestContext.current()).toBeUndefined();
  });

  it('returns what the function returns', () => {
    expect(requestContext.run(ctx('c-1'), () => 42)).toBe(42);
  });

  it('makes the context current inside run, across awaits, and forgets it afterwards', async () => {
    const c = ctx('c-1');
    await requestContext.run(c, async () => {
      expect(requestContext.current()).toBe(c);
      await nextTick();
      expect(requestContext.current()).toBe(c);
      expect(requestContext.currentOrNew()).toBe(c);
    });
    expect(requestContext.current()).toBeUndefined();
  });

  it('restores the outer context after a nested run', () => {
    const outer = ctx('outer');
    const inner = ctx('inner');
    requestContext.run(outer, () => {
      requestContext.run(inner, () => expect(requestContext.current()).toBe(inner));
      expect(requestContext.current()).toBe(outer);
    });
  });

  it('keeps concurrent runs apart', async () => {
    const seen = await Promise.all(
      ['a', 'b', 'c'].map((id) =>
        requestContext.run(ctx(id), async () => {
          await nextTick();
          return requestContext.current()?.correlationId;
        }),
      ),
    );
    expect(seen).toEqual(['a', 'b', 'c']);
  });

  it('currentOrNew makes a fresh context, without causation, outside any run', () => {
    const a = requestContext.currentOrNew();
    const b = requestContext.currentOrNew();
    expect(a).toEqual({ correlationId: expect.stringMatching(UUID), causationId: null });
    expect(b.correlationId).not.toBe(a.correlationId);
    expect(requestContext.current()).toBeUndefined();
  });
});

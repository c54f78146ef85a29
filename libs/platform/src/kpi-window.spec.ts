import { kpiWindowOf, windowProblem } from './kpi-window';
import { Principal } from './auth';
import { ProblemException } from './problem';

describe('the KPI window', () => {
  const at = (d: string) => new Date(d);

  it('refuses a window that ends before it starts, or wider than its buckets allow', () => {
    expect(windowProblem(at('2026-12-03T00:00:00Z'), at('2026-12-04T00:00:00Z'), 'hour')).toBeNull();
    expect(windowProblem(at('2026-12-03T00:00:00Z'), at('2026-12-03T00:00:00Z'), 'day')).toMatchObject({ field: 'to', rule: 'isAfterFrom' });
    expect(windowProblem(at('2026-12-01T00:00:00Z'), at('2026-12-20T00:00:00Z'), 'hour')).toMatchObject({ field: 'to', rule: 'maxWindow' });
    expect(windowProblem(at('2026-01-01T00:00:00Z'), at('2026-12-20T00:00:00Z'), 'day')).toBeNull();
  });

  it('holds a store token to its own store, and lets the back office choose', () => {
    const back: Principal = { sub: 'ops', channel: null, storeId: null, associateId: null, customerId: null, scopes: new Set(['kpis:read']) };
    const store: Principal = { ...back, sub: 'pos:PARIS:1', channel: 'pos', storeId: 'PARIS' };
    const q = { from: '2026-12-01T00:00:00Z', to: '2026-12-02T00:00:00Z' };
    expect(kpiWindowOf(q, back)).toEqual({ from: at(q.from), to: at(q.to), granularity: 'day', storeId: null, channel: null });
    expect(kpiWindowOf({ ...q, storeId: 'LYON', channel: 'web', granularity: 'hour' }, back)).toMatchObject({
      storeId: 'LYON',
      channel: 'web',
      granularity: 'hour',
    });
    expect(kpiWindowOf(q, store).storeId).toBe('PARIS');
    const refusal = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as ProblemException).getResponse();
      }
      throw new Error('not refused');
    };
    expect(refusal(() => kpiWindowOf({ ...q, storeId: 'LYON' }, store))).toMatchObject({ status: 403, code: 'AUTH.FORBIDDEN' });
    expect(refusal(() => kpiWindowOf({ ...q, to: q.from }, back))).toMatchObject({
      status: 400,
      code: 'REQUEST.INVALID',
      errors: [{ field: 'to', rule: 'isAfterFrom' }],
    });
  });
});

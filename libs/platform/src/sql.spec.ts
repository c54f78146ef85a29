import { byKey, connectionOptions } from './sql';

describe('connectionOptions', () => {
  it('keeps generic plans for named statements when nothing else is asked', () => {
    expect(connectionOptions('')).toBe('-c plan_cache_mode=force_generic_plan');
    expect(connectionOptions(undefined)).toBe('-c plan_cache_mode=force_generic_plan');
  });

  it("puts a deployment's PGOPTIONS after it, so that they win", () => {
    expect(connectionOptions('-c plan_cache_mode=auto -c work_mem=8MB')).toBe('-c plan_cache_mode=force_generic_plan -c plan_cache_mode=auto -c work_mem=8MB');
  });
});

describe('byKey', () => {
  it('probes the table once per distinct key, without a lock', () => {
    const from = byKey('outbox', 'ctid AS tid', 'seq', 'x', { type: 'bigint' });
    expect(from).toContain('(SELECT DISTINCT unnest($1::bigint[]) AS seq) AS k');
    expect(from).toContain('CROSS JOIN LATERAL (SELECT ctid AS tid FROM outbox WHERE outbox.seq = k.seq OFFSET 0) AS x');
  });

  it('locks in key order, with the condition asked', () => {
    const from = byKey('reservations', 'ctid AS tid', 'order_id', 'x', { lock: true, where: 'reservations.expires_at IS NOT NULL' });
    expect(from).toContain('(SELECT DISTINCT unnest($1::uuid[]) AS order_id ORDER BY 1) AS k');
    expect(from).toContain('WHERE reservations.order_id = k.order_id AND reservations.expires_at IS NOT NULL FOR UPDATE) AS x');
  });
});

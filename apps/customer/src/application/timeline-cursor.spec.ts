import { decodeCursor, encodeCursor } from './customer.queries';

describe('timeline cursor', () => {
  it('gives back the position it was made from', () => {
    const c = encodeCursor('2026-11-23T10:00:00.000Z', '6f1c2a8e-3b7d-4c1e-9f2a-1d2e3f4a5b6c');
    expect(c).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(c)).toEqual({ occurredAt: '2026-11-23T10:00:00.000Z', eventId: '6f1c2a8e-3b7d-4c1e-9f2a-1d2e3f4a5b6c' });
  });

  it.each([
    ['not base64 JSON', 'abc'],
    ['not a pair', Buffer.from(JSON.stringify(['2026-11-23T10:00:00Z'])).toString('base64url')],
    ['not a time', Buffer.from(JSON.stringify(['yesterday', '6f1c2a8e-3b7d-4c1e-9f2a-1d2e3f4a5b6c'])).toString('base64url')],
    ['not an event id', Buffer.from(JSON.stringify(['2026-11-23T10:00:00Z', "x' OR 1=1"])).toString('base64url')],
  ])('refuses %s', (_, cursor) => expect(decodeCursor(cursor)).toBeNull());
});

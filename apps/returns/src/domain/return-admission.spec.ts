import { hoursAfter } from '@omni/testing';
import { Parcel } from './parcel.machine';
import { AuthorisationTerms, authorisationAdmission, linesAdmission, requestAdmission } from './return-admission';
import { aParcel, aReceivedParcel } from './test/builders';

const now = new Date('2026-12-01T10:00:00Z');
const hours = (h: number) => hoursAfter(now, h);
const A = '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e';
const B = '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const order = { orderId: '6f1c2a8e-3b7d-4c1e-9f2a-1d2e3f4a5b6c', lines: [{ lineId: A }, { lineId: B }] };

/** A parcel labelled two days ago for WH-1, and received as `received` says (null: not yet). */
const parcel = (received: { at: Date; by: string } | null): Parcel =>
  received ? aReceivedParcel(received.at, received.by, hours(-48)) : aParcel({}, hours(-48));
const authorisation = (changes: Partial<AuthorisationTerms> = {}): AuthorisationTerms => ({
  code: 'AB12CD34',
  status: 'OPEN',
  expiresAt: hours(24),
  lines: [{ lineId: A, quantity: 2 }],
  parcel: null,
  ...changes,
});

describe('return admission', () => {
  it('a return by mail needs its authorisation; an address to ship to needs replacements', () => {
    expect(requestAdmission({ channel: 'store', authorisationCode: null, shipTo: null, replacements: [] }).ok).toBe(true);
    expect(requestAdmission({ channel: 'mail', authorisationCode: null, shipTo: null, replacements: [] })).toMatchObject({
      ok: false,
      code: 'RETURN.MAIL_NEEDS_AUTHORISATION',
    });
    expect(requestAdmission({ channel: 'store', authorisationCode: null, shipTo: { city: 'Paris' }, replacements: [] })).toMatchObject({
      ok: false,
      code: 'EXCHANGE.NOTHING_TO_SHIP',
    });
  });

  it('an authorisation serves once, before it expires, for the lines and units it names', () => {
    expect(authorisationAdmission(authorisation(), [{ lineId: A, quantity: 2 }], 'S1', now).ok).toBe(true);
    expect(authorisationAdmission(authorisation({ status: 'USED' }), [{ lineId: A, quantity: 1 }], 'S1', now)).toMatchObject({
      ok: false,
      code: 'AUTHORISATION.USED',
    });
    expect(authorisationAdmission(authorisation({ expiresAt: hours(-1) }), [{ lineId: A, quantity: 1 }], 'S1', now)).toMatchObject({
      ok: false,
      code: 'AUTHORISATION.EXPIRED',
    });
    expect(authorisationAdmission(authorisation(), [{ lineId: B, quantity: 1 }], 'S1', now)).toMatchObject({
      ok: false,
      code: 'AUTHORISATION.LINES_MISMATCH',
      detail: `line ${B} is not in authorisation AB12CD34`,
    });
    expect(authorisationAdmission(authorisation(), [{ lineId: A, quantity: 3 }], 'S1', now)).toMatchObject({
      ok: false,
      code: 'AUTHORISATION.LINES_MISMATCH',
      detail: `line ${A}: 3 brought, 2 authorised`,
    });
  });

  it('a parcel is inspected only once received, where it was received; it is in time if it was received in time', () => {
    expect(authorisationAdmission(authorisation({ parcel: parcel(null) }), [{ lineId: A, quantity: 1 }], 'WH-1', now)).toMatchObject({
      ok: false,
      code: 'RETURN.PARCEL_NOT_RECEIVED',
    });
    expect(authorisationAdmission(authorisation({ parcel: parcel({ at: hours(-2), by: 'WH-1' }) }), [{ lineId: A, quantity: 1 }], 'S1', now)).toMatchObject({
      ok: false,
      code: 'RETURN.PARCEL_RECEIVED_ELSEWHERE',
    });
    // Received before the authorisation expired, inspected after: still in time.
    const late = authorisation({ expiresAt: hours(-1), parcel: parcel({ at: hours(-2), by: 'WH-1' }) });
    expect(authorisationAdmission(late, [{ lineId: A, quantity: 1 }], 'WH-1', now).ok).toBe(true);
    expect(authorisationAdmission({ ...late, parcel: parcel({ at: hours(-0.5), by: 'WH-1' }) }, [{ lineId: A, quantity: 1 }], 'WH-1', now)).toMatchObject({
      ok: false,
      code: 'AUTHORISATION.EXPIRED',
    });
  });

  it("every line listed is the order's, once", () => {
    expect(
      linesAdmission(order, [
        { lineId: A, quantity: 1 },
        { lineId: B, quantity: 1 },
      ]).ok,
    ).toBe(true);
    expect(linesAdmission(order, [{ lineId: 'nope', quantity: 1 }])).toMatchObject({ ok: false, code: 'RETURN.UNKNOWN_LINE' });
    expect(
      linesAdmission(order, [
        { lineId: A, quantity: 1 },
        { lineId: A, quantity: 1 },
      ]),
    ).toMatchObject({ ok: false, code: 'RETURN.DUPLICATE_LINE' });
  });
});

import { PendingEvent, schemaErrors } from '@omni/contracts';
import { hoursAfter } from '@omni/testing';
import {
  inspectionRefusal,
  issueLabel,
  nextParcelStatus,
  Parcel,
  PARCEL_STATUSES,
  PARCEL_TRIGGERS,
  ParcelStatus,
  ParcelTrigger,
  receive,
  track,
} from './parcel.machine';
import { aCarrierLabel, aMailAuthorisation, aParcel, LABELLED_AT as T0 } from './test/builders';

const later = (h: number) => hoursAfter(T0, h);
const LABEL = aCarrierLabel();
const AUTH = aMailAuthorisation();

/** Labelled for WH-1 at T0. */
const labelled = (): Parcel => aParcel();
/** In `status`; received at WH-1 three hours after T0 if RECEIVED. */
const at = (status: ParcelStatus): Parcel => aParcel(status === 'RECEIVED' ? { status, receivedBy: 'WH-1', receivedAt: later(3) } : { status });

/** Every published payload must satisfy its contract. */
const valid = (events: readonly PendingEvent[]) => events.forEach((e) => expect(schemaErrors(e.def, e.payload)).toEqual([]));

describe('parcel lifecycle', () => {
  const table: [ParcelStatus, ParcelTrigger, ParcelStatus | null][] = [
    ['LABEL_ISSUED', 'inTransit', 'IN_TRANSIT'],
    ['LABEL_ISSUED', 'delivered', 'DELIVERED'],
    ['LABEL_ISSUED', 'received', 'RECEIVED'],
    ['IN_TRANSIT', 'inTransit', null],
    ['IN_TRANSIT', 'delivered', 'DELIVERED'],
    ['IN_TRANSIT', 'received', 'RECEIVED'],
    ['DELIVERED', 'inTransit', null],
    ['DELIVERED', 'delivered', null],
    ['DELIVERED', 'received', 'RECEIVED'],
    ['RECEIVED', 'inTransit', null],
    ['RECEIVED', 'delivered', null],
    ['RECEIVED', 'received', null],
  ];

  it('lists every status and trigger once in the table', () => {
    expect(table).toHaveLength(PARCEL_STATUSES.length * PARCEL_TRIGGERS.length);
  });

  it.each(table)('%s --%s--> %s', (from, trigger, to) => {
    expect(nextParcelStatus(from, trigger)).toBe(to);
  });
});

describe('issueLabel', () => {
  it('keeps the label and announces it with return.label-issued', () => {
    const d = issueLabel(AUTH, LABEL, 'WH-1', T0);
    expect(d.ok && d.state).toMatchObject({
      ...LABEL,
      returnTo: 'WH-1',
      status: 'LABEL_ISSUED',
      history: [{ status: 'LABEL_ISSUED', at: T0 }],
      receivedBy: null,
    });
    expect(d.ok && d.events.map((e) => [e.def.type, e.payload])).toEqual([
      ['return.label-issued', { ...AUTH, ...LABEL, returnTo: 'WH-1', issuedAt: T0.toISOString() }],
    ]);
    valid(d.ok ? d.events : []);
  });
});

describe('track', () => {
  it('records in transit then delivered, with the carrier time, once each', () => {
    const a = track(labelled(), 'IN_TRANSIT', later(1), later(1.1));
    expect(a.ok && a.state.status).toBe('IN_TRANSIT');
    valid(a.ok ? a.events : []);
    const b = a.ok ? track(a.state, 'DELIVERED', later(2), later(2.1)) : a;
    expect(b.ok && b.state.history.map((h) => [h.status, h.at])).toEqual([
      ['LABEL_ISSUED', T0],
      ['IN_TRANSIT', later(1)],
      ['DELIVERED', later(2)],
    ]);
    expect(b.ok && b.events.map((e) => e.payload)).toEqual([
      expect.objectContaining({ status: 'DELIVERED', at: later(2).toISOString(), recordedAt: later(2.1).toISOString() }),
    ]);
  });

  it.each<[ParcelStatus, 'IN_TRANSIT' | 'DELIVERED']>([
    ['IN_TRANSIT', 'IN_TRANSIT'],
    ['DELIVERED', 'IN_TRANSIT'],
    ['DELIVERED', 'DELIVERED'],
    ['RECEIVED', 'IN_TRANSIT'],
    ['RECEIVED', 'DELIVERED'],
  ])('a %s parcel reported %s again or late: unchanged, nothing published', (status, report) => {
    const p = at(status);
    const d = track(p, report, later(5), later(5));
    expect(d).toEqual({ ok: true, state: p, events: [] });
  });
});

describe('receive', () => {
  it('records where, when and by whom, and announces return.parcel-received', () => {
    const d = receive(at('DELIVERED'), 'WH-1', 'receiver-1', later(3));
    expect(d.ok && d.state).toMatchObject({ status: 'RECEIVED', receivedAt: later(3), receivedBy: 'WH-1', receivedByAssociate: 'receiver-1' });
    expect(d.ok && d.events.map((e) => e.payload)).toEqual([
      {
        authorisationId: AUTH.authorisationId,
        orderId: AUTH.orderId,
        trackingNumber: 'SI0001',
        locationId: 'WH-1',
        associateId: 'receiver-1',
        receivedAt: later(3).toISOString(),
      },
    ]);
    valid(d.ok ? d.events : []);
  });

  it('takes a parcel the carrier never reported, at a store other than the label says', () => {
    const d = receive(labelled(), 'STORE-9', null, later(3));
    expect(d.ok && [d.state.status, d.state.receivedBy]).toEqual(['RECEIVED', 'STORE-9']);
  });

  it('scanned again at the same place: unchanged, nothing published; elsewhere: refused', () => {
    const p = at('RECEIVED');
    expect(receive(p, 'WH-1', 'receiver-2', later(4))).toEqual({ ok: true, state: p, events: [] });
    expect(receive(p, 'STORE-9', null, later(4))).toMatchObject({ ok: false, code: 'PARCEL.RECEIVED_ELSEWHERE' });
  });
});

describe('inspectionRefusal: no refund before receipt', () => {
  it.each<[ParcelStatus, string | undefined]>([
    ['LABEL_ISSUED', 'RETURN.PARCEL_NOT_RECEIVED'],
    ['IN_TRANSIT', 'RETURN.PARCEL_NOT_RECEIVED'],
    ['DELIVERED', 'RETURN.PARCEL_NOT_RECEIVED'],
    ['RECEIVED', undefined],
  ])('a %s parcel inspected where it was received: %s', (status, code) => {
    expect(inspectionRefusal(at(status), 'WH-1')?.code).toBe(code);
  });

  it('is inspected only where it was received', () => {
    expect(inspectionRefusal(at('RECEIVED'), 'STORE-9')?.code).toBe('RETURN.PARCEL_RECEIVED_ELSEWHERE');
  });
});

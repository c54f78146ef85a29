import { Injectable } from '@nestjs/common';
import { ParcelTrackingStatus } from '@omni/contracts';
import { OutboxWriter } from '@omni/messaging';
import { Clock } from '@omni/platform';
import { DataSource } from 'typeorm';
import { Parcel, ParcelRefusal, receive, track } from '../domain/parcel.machine';
import { AuthorisationRepository, ReturnAuthorisation } from './ports/authorisation.port';

export type ParcelResult =
  { ok: true; authorisation: ReturnAuthorisation; changed: boolean } | { ok: false; code: ParcelRefusal | 'PARCEL.NOT_FOUND'; detail: string };

/**
 * A return parcel on its way: the carrier's reports, then its receipt at a warehouse or store.
 * The parcel's row is locked, so reports and scans of one parcel run one after the other; a
 * repeated one changes nothing and publishes nothing (carriers and scanners retry).
 */
@Injectable()
export class ParcelUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly authorisations: AuthorisationRepository,
  ) {}

  track(trackingNumber: string, status: ParcelTrackingStatus, at: Date): Promise<ParcelResult> {
    return this.decide(trackingNumber, (p, now) => track(p, status, at, now));
  }

  receive(trackingNumber: string, locationId: string, associateId: string | null): Promise<ParcelResult> {
    return this.decide(trackingNumber, (p, now) => receive(p, locationId, associateId, now));
  }

  private decide(trackingNumber: string, decision: (p: Parcel, now: Date) => ReturnType<typeof receive>): Promise<ParcelResult> {
    return this.dataSource.transaction(async (m) => {
      const now = this.clock.now();
      const a = await this.authorisations.findByTracking(m, trackingNumber);
      if (!a || !a.parcel) return { ok: false, code: 'PARCEL.NOT_FOUND', detail: `no return parcel ${trackingNumber}` };
      const d = decision(a.parcel, now);
      if (!d.ok) return { ok: false, code: d.code, detail: d.detail ?? d.code };
      if (d.events.length === 0) return { ok: true, authorisation: a, changed: false };
      await this.authorisations.saveParcel(m, a.id, d.state);
      for (const e of d.events) await this.outbox.append(m, e.def, e.payload, now);
      return { ok: true, authorisation: { ...a, parcel: d.state }, changed: true };
    });
  }
}

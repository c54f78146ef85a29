import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { CarrierPort, LabelRequest } from '../application/ports/carrier.port';
import { CarrierLabel } from '../domain/parcel.machine';
import { ReturnsConfig } from '../returns.config';

/**
 * A carrier for the demo and the tests (`CARRIER=stand-in`): labels numbered from the
 * authorisation id, so the same request always gets the same label, and a tracking page under
 * CARRIER_TRACKING_URL. It reports nothing by itself: whoever plays the carrier (a test, the demo,
 * an operator with curl) posts its tracking reports to `POST /parcels/{trackingNumber}/tracking`.
 */
@Injectable()
export class StandInCarrier extends CarrierPort {
  constructor(private readonly config: ReturnsConfig) {
    super();
  }

  async requestLabel(r: LabelRequest): Promise<CarrierLabel> {
    const digest = createHash('sha256').update(r.authorisationId).digest('hex').toUpperCase();
    const trackingNumber = `SI${digest.slice(0, 16)}`;
    return {
      carrier: 'stand-in',
      labelNumber: `SIL-${digest.slice(16, 28)}`,
      trackingNumber,
      trackingUrl: `${this.config.CARRIER_TRACKING_URL.replace(/\/$/, '')}/${trackingNumber}`,
    };
  }
}

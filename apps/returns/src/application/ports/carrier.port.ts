import { CarrierLabel } from '../../domain/parcel.machine';

export interface LabelRequest {
  /** The authorisation the parcel carries: a retried request for it gets the same label. */
  readonly authorisationId: string;
  readonly orderId: string;
  /** The return code, printed on the label so the receiving location finds the authorisation. */
  readonly code: string;
  /** The warehouse or store the parcel goes to. */
  readonly returnTo: string;
}

/**
 * The carrier that takes return parcels back (a return by mail, docs/returns.md). Outbound, the
 * returns service asks it for a prepaid label. Inbound, the carrier reports the parcel's way
 * (`POST /parcels/{trackingNumber}/tracking`, scope `deliveries:report`) and the warehouse or
 * store that gets it scans it in (`POST /stores/{storeId}/parcels/{trackingNumber}/receipt`).
 * The stand-in (`StandInCarrier`) serves the demo and the tests, as the stand-in payment system does.
 */
export abstract class CarrierPort {
  /** A label for the parcel; asking again for the same authorisation answers the same label. Throws when the carrier cannot be reached. */
  abstract requestLabel(request: LabelRequest): Promise<CarrierLabel>;
}

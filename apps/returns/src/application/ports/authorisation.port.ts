import type { EntityManager } from 'typeorm';
import { Parcel, ReturnMethod } from '../../domain/parcel.machine';

export interface ReturnAuthorisation {
  readonly id: string;
  readonly code: string;
  readonly orderId: string;
  readonly customerId: string | null;
  readonly lines: readonly { lineId: string; sku: string; quantity: number }[];
  readonly status: 'OPEN' | 'USED';
  readonly returnId: string | null;
  readonly expiresAt: Date;
  readonly createdAt: Date;
  /** Dropped at a store, or sent by mail with the carrier's label. */
  readonly method: ReturnMethod;
  /** The parcel of a return by mail, once the carrier labelled it. */
  readonly parcel: Parcel | null;
}

/**
 * Returns started online (and their parcels) as the use cases and queries read and change them,
 * in the caller's transaction (implemented by infrastructure/authorisation.repository.ts).
 */
export abstract class AuthorisationRepository {
  /** False when the code is taken (the caller draws another). */
  abstract tryInsert(m: EntityManager, a: ReturnAuthorisation): Promise<boolean>;

  /** `lock`: the row stays locked until the transaction ends, so an authorisation is used once. */
  abstract findByCode(m: EntityManager, code: string, lock?: boolean): Promise<ReturnAuthorisation | null>;

  /** The authorisation whose parcel has this tracking number (locked: tracking and receipt of one parcel run one after the other). */
  abstract findByTracking(m: EntityManager, trackingNumber: string): Promise<ReturnAuthorisation | null>;

  abstract saveParcel(m: EntityManager, id: string, parcel: Parcel): Promise<void>;

  abstract markUsed(m: EntityManager, id: string, returnId: string): Promise<void>;

  /** The authorisation a failed exchange used is open again. */
  abstract reopen(m: EntityManager, returnId: string): Promise<void>;
}

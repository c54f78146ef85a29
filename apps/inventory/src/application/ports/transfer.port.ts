import type { EntityManager } from 'typeorm';
import { Transfer, TransferStatus } from '../../domain/transfer.machine';

/** Transfers between locations, as the use cases and queries read and change them (implemented over SQL by transferRepository). */
export abstract class TransferRepository {
  abstract insert(m: EntityManager, t: Transfer, now: Date): Promise<void>;

  abstract find(m: EntityManager, id: string): Promise<Transfer | null>;

  abstract findForUpdate(m: EntityManager, id: string): Promise<Transfer | null>;

  abstract ofOrderForUpdate(m: EntityManager, orderId: string, status: TransferStatus): Promise<Transfer[]>;

  abstract ofLocation(m: EntityManager, locationId: string, direction: 'inbound' | 'outbound'): Promise<Transfer[]>;

  /** Transfers still REQUESTED or SHIPPED after their expected arrival, the longest overdue first; of one location (from or to) when given. */
  abstract overdue(m: EntityManager, now: Date, locationId: string | null, limit: number): Promise<Transfer[]>;

  abstract overdueCounts(m: EntityManager, now: Date): Promise<{ status: TransferStatus; count: number }[]>;

  abstract setStatus(m: EntityManager, ids: readonly string[], status: TransferStatus, now: Date): Promise<void>;
}

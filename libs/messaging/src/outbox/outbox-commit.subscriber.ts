import { EntitySubscriberInterface, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import { failpoint } from '@omni/platform';
import { RelaySignal } from './relay-signal';

type CommitData = { outboxRows?: number; outboxNotified?: boolean; outboxKeys?: string[]; keyMarked?: boolean };

/**
 * Wakes this process's relay when a transaction that appended outbox rows has committed, and
 * whoever waits for one of their keys. A transaction that marked its request's Idempotency-Key
 * committed (ADR 0025) passes the `request.after-commit` failpoint.
 */
export class OutboxCommitSubscriber implements EntitySubscriberInterface {
  constructor(private readonly signal: RelaySignal) {}

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const data = event.queryRunner.data as CommitData;
    if (data.keyMarked) {
      data.keyMarked = false;
      failpoint('request.after-commit');
    }
    if (!data.outboxRows) return;
    failpoint('outbox.after-commit');
    data.outboxRows = 0;
    data.outboxNotified = false;
    this.signal.wake();
    if (data.outboxKeys) {
      const keys = data.outboxKeys;
      data.outboxKeys = undefined;
      this.signal.committed(keys);
    }
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    const data = event.queryRunner.data as CommitData;
    data.keyMarked = false;
    data.outboxRows = 0;
    data.outboxNotified = false;
    data.outboxKeys = undefined;
  }
}

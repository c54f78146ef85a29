import { EntitySubscriberInterface, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import { failpoint } from '@omni/platform';
import { RelaySignal } from './relay-signal';

/** Wakes this process's relay when a transaction that appended outbox rows has committed, and whoever waits for one of their keys. */
export class OutboxCommitSubscriber implements EntitySubscriberInterface {
  constructor(private readonly signal: RelaySignal) {}

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const data = event.queryRunner.data as { outboxRows?: number; outboxNotified?: boolean; outboxKeys?: string[] };
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
    const data = event.queryRunner.data as { outboxRows?: number; outboxNotified?: boolean; outboxKeys?: string[] };
    data.outboxRows = 0;
    data.outboxNotified = false;
    data.outboxKeys = undefined;
  }
}

import { EventEnvelope } from '@omni/contracts';
import { migratedDatabase } from '@omni/testing';
import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntitySubscriberInterface } from 'typeorm';
import { claimInbox, inOptimisticTransaction } from '../src/inbox/inbox';
import { MessagingTables1700000000000 } from '../src/migrations/1700000000000-messaging-tables';

/**
 * The transaction consumed batches run in (ADR 0016), on a real PostgreSQL: a short lock timeout
 * for itself only, and otherwise TypeORM's transaction() — commit, rollback, savepoints,
 * subscribers, the connection back in the pool clean.
 */
describe('the optimistic transaction', () => {
  let ds: DataSource;
  let commits = 0;
  let rollbacks = 0;
  const consumer = 'optimistic-test';

  const envelope = (id = randomUUID()) => ({ id, type: 'test.event' }) as EventEnvelope;
  const claimed = async (id: string) =>
    Number((await ds.query(`SELECT count(*)::int AS n FROM inbox WHERE consumer = $1 AND event_id = $2`, [consumer, id]))[0].n);

  beforeAll(async () => {
    Logger.overrideLogger(['error']);
    ({ dataSource: ds } = await migratedDatabase('optimistic', { migrations: [MessagingTables1700000000000] }));
    const heard: EntitySubscriberInterface = {
      afterTransactionCommit: () => void commits++,
      afterTransactionRollback: () => void rollbacks++,
    };
    ds.subscribers.push(heard);
  });
  afterAll(async () => {
    await ds?.destroy();
  });

  it('sets its lock timeout for itself only: its connection goes back to the pool without it', async () => {
    let inside: { pid: number; t: string } | undefined;
    await inOptimisticTransaction(ds, async (m) => {
      [inside] = await m.query(`SELECT pg_backend_pid() AS pid, current_setting('lock_timeout') AS t`);
    });
    expect(inside?.t).toBe('100ms');
    // The pool hands out the connection released last: the next transaction runs on the same one.
    const [next] = await ds.transaction((m) => m.query(`SELECT pg_backend_pid() AS pid, current_setting('lock_timeout') AS t`));
    expect(next).toEqual({ pid: inside?.pid, t: '0' });
  });

  it('commits what the work wrote, and the subscribers hear of the commit', async () => {
    const id = randomUUID();
    const before = commits;
    await inOptimisticTransaction(ds, async (m) => {
      expect(await claimInbox(m, consumer, envelope(id))).toBe(true);
    });
    expect(await claimed(id)).toBe(1);
    expect(commits).toBe(before + 1);
  });

  it('rolls back everything the work wrote when it throws, and passes its error on', async () => {
    const id = randomUUID();
    const before = rollbacks;
    const failure = new Error('the work failed');
    await expect(
      inOptimisticTransaction(ds, async (m) => {
        await claimInbox(m, consumer, envelope(id));
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await claimed(id)).toBe(0);
    expect(rollbacks).toBe(before + 1);
    const idle = await ds.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'idle in transaction'`);
    expect(idle[0].n).toBe(0);
  });

  it('runs a nested transaction as a savepoint: what it undoes is undone, the rest commits', async () => {
    const kept = randomUUID();
    const undone = randomUUID();
    await inOptimisticTransaction(ds, async (m) => {
      await claimInbox(m, consumer, envelope(kept));
      await expect(
        m.transaction(async (inner) => {
          await claimInbox(inner, consumer, envelope(undone));
          throw new Error('inner');
        }),
      ).rejects.toThrow('inner');
    });
    expect(await claimed(kept)).toBe(1);
    expect(await claimed(undone)).toBe(0);
  });

  it('gives up on a row another transaction holds once the lock timeout has passed, instead of waiting', async () => {
    const id = randomUUID();
    const holder = ds.createQueryRunner();
    await holder.startTransaction();
    try {
      await claimInbox(holder.manager, consumer, envelope(id));
      const failed = await inOptimisticTransaction(ds, async (m) => {
        await claimInbox(m, consumer, envelope(id));
      }).catch((e: unknown) => e);
      // lock_not_available: the claim's prepared statement fails as pg reports it.
      expect(failed).toMatchObject({ code: '55P03', message: 'canceling statement due to lock timeout' });
    } finally {
      await holder.rollbackTransaction();
      await holder.release();
    }
    expect(await claimed(id)).toBe(0);
  });
});

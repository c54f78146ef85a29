// The faults a chaos run injects, one kind at a time: a service killed, stopped or paused, a
// rebalance storm, a replay of every event, poison on every consumed topic, the whole stack's clock
// jumping days ahead, PostgreSQL shut down at once and restarted, the broker killed or paused.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { request } from '../bench/client.mjs';
import { isAlive, startKafka } from '../infra/kafka.mjs';
import { ensurePostgres, serverProcessOf } from '../infra/postgres.mjs';
import { Kafka, logLevel } from '../lib/kafkajs.mjs';
import { REPO } from '../lib/setup.mjs';
import { allReady } from './quiescence.mjs';
import { CLOCK_JUMP_MS, DAY_MS, KAFKA_PORT, SERVICES, sleep, STORE_HOLD_DAYS } from './run-context.mjs';

const kafkaPidFile = path.join(REPO, '.cache/kafka-data', String(KAFKA_PORT), 'kafka.pid');

/** The topics the services consume: a poison fault writes to each. */
export const CONSUMED_TOPICS = ['order.events.v1', 'inventory.events.v1', 'returns.events.v1', 'customer.events.v1', 'payment.events.v1'];

/** Events the service's inbox skipped as applied before (events_consumed_total, outcome duplicate). */
async function duplicatesOf({ url }, service) {
  const r = await request('GET', url(service, '/metrics')).catch(() => ({ text: '' }));
  return [...r.text.matchAll(/^events_consumed_total\{[^}]*outcome="duplicate"[^}]*\} (\d+)/gm)].reduce((n, m) => n + Number(m[1]), 0);
}

/**
 * One fault; resolves with how long the system took to be ready again after it ended. `t0` is when
 * the load began, `topicsAtStart` where each consumed topic ended then (what a replay rewinds to);
 * `injected` records what the fault leaves behind: the keys of the poison it wrote, and the
 * PostgreSQL server a db-restart started (stopped after the stack).
 */
export async function inject(ctx, { kind, target, pauseMs }, { t0, topicsAtStart, injected }) {
  const { stack, clock } = ctx;
  const started = Date.now();
  let redelivered;
  if (kind === 'kill' || kind === 'term' || kind === 'pause') {
    const pid = stack.pids()[target];
    if (kind === 'kill' || kind === 'term') {
      // SIGKILL: a crash; SIGTERM: a graceful stop under load (a rolling restart). The supervisor starts it again.
      process.kill(pid, kind === 'kill' ? 'SIGKILL' : 'SIGTERM');
      while (isAlive(pid)) await sleep(50);
    } else {
      process.kill(pid, 'SIGSTOP');
      await sleep(pauseMs);
      process.kill(pid, 'SIGCONT');
    }
  } else if (kind === 'rebalance') {
    // A rebalance storm: a second instance joins the service's consumer group under load, twice,
    // leaving (SIGTERM) after a while each time; partitions move back and forth mid-run.
    for (let round = 0; round < 2; round++) {
      const extra = await stack.scaleOut(target, SERVICES[target] + 100);
      await sleep(pauseMs / 2);
      await extra.stop();
    }
  } else if (kind === 'replay') {
    // Every event of the run the service's group has consumed, delivered again: the service is
    // paused until the group has given its partitions up, its offsets are rewound to where the
    // topics stood when the load began, and it resumes. The inbox must make the replay change nothing (the invariants check it).
    const pid = stack.pids()[target];
    const kafkaAdmin = new Kafka({ clientId: 'chaos-replay', brokers: [stack.brokers], logLevel: logLevel.NOTHING }).admin();
    await kafkaAdmin.connect();
    const duplicatesBefore = await duplicatesOf(ctx, target);
    process.kill(pid, 'SIGSTOP');
    try {
      const deadline = Date.now() + 60_000;
      while ((await kafkaAdmin.describeGroups([target])).groups[0].state !== 'Empty') {
        if (Date.now() > deadline) throw new Error(`group ${target} still has members after 60 s`);
        await sleep(250);
      }
      // Back to where each topic stood when the run began: the broker keeps its topics from run to
      // run, and events of earlier runs belong to databases this run does not have.
      for (const { topic } of await kafkaAdmin.fetchOffsets({ groupId: target })) {
        if (topicsAtStart.has(topic)) await kafkaAdmin.setOffsets({ groupId: target, topic, partitions: topicsAtStart.get(topic) });
      }
    } finally {
      process.kill(pid, 'SIGCONT');
      await kafkaAdmin.disconnect();
    }
    // The replay has happened once the service counts events it had applied already.
    const deadline = Date.now() + 60_000;
    while ((await duplicatesOf(ctx, target)) <= duplicatesBefore && Date.now() < deadline) await sleep(250);
    redelivered = (await duplicatesOf(ctx, target)) - duplicatesBefore;
  } else if (kind === 'poison') {
    // On every topic a service consumes: a value that is not JSON, and a known event type whose
    // payload breaks its schema. Each consumer must park them with a reason and move on.
    const producer = new Kafka({ clientId: 'chaos-poison', brokers: [stack.brokers], logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
    try {
      for (const topic of CONSUMED_TOPICS) {
        const key = `chaos-poison-${randomUUID()}`;
        injected.poisonKeys.add(key);
        await producer.send({
          topic,
          acks: -1,
          messages: [
            { key, value: '{not json', headers: { ce_type: 'order.placed.v2', ce_id: randomUUID(), ce_specversion: '1.0', ce_source: 'chaos' } },
            {
              key,
              value: JSON.stringify({ orderId: 'not-a-uuid', lines: 'none' }),
              headers: { ce_type: 'order.placed.v2', ce_id: randomUUID(), ce_specversion: '1.0', ce_source: 'chaos', 'content-type': 'application/json' },
            },
          ],
        });
      }
    } finally {
      await producer.disconnect();
    }
  } else if (kind === 'clock-jump') {
    // The whole stack wakes up CLOCK_JUMP_MS later: every service stopped (SIGTERM) and started
    // again with its clock that far ahead. Sweepers then find the reminders, deadlines and
    // reservation expiries the jump passed, each due once.
    if (clock.offsetMs + CLOCK_JUMP_MS >= (STORE_HOLD_DAYS - 1) * DAY_MS) {
      return {
        kind,
        target,
        atS: Math.round((started - t0) / 100) / 10,
        lastedMs: 0,
        recoveredMs: 0,
        skipped: `one more jump would reach the reminders of the run's store (${STORE_HOLD_DAYS} days' hold)`,
      };
    }
    stack.setEnv({ CLOCK_OFFSET_MS: String(clock.offsetMs + CLOCK_JUMP_MS) });
    const pids = Object.values(stack.pids()).filter(Boolean);
    for (const pid of pids) process.kill(pid, 'SIGTERM');
    for (const pid of pids) while (isAlive(pid)) await sleep(50);
    // Until the old processes are gone, those draining still answer on the old clock (a cart
    // created there is idle three days for the new ones): the journeys see the jump from here.
    clock.offsetMs += CLOCK_JUMP_MS;
    clock.jumps.push(Date.now());
  } else if (kind === 'db-restart') {
    // Immediate shutdown (SIGQUIT to the postmaster: no checkpoint, crash recovery at the next
    // start), then started again on the same data. Only a server this run started is touched.
    const server = await serverProcessOf(stack.pg.adminUrl);
    if (!stack.pg.embedded || server?.owner !== process.pid) {
      return {
        kind,
        target,
        atS: Math.round((started - t0) / 100) / 10,
        lastedMs: 0,
        recoveredMs: 0,
        skipped: 'a PostgreSQL server this run did not start is not its to restart',
      };
    }
    const pid = server.pid;
    process.kill(pid, 'SIGQUIT');
    while (isAlive(pid)) await sleep(50);
    injected.restartedPostgres = await ensurePostgres({ port: new URL(stack.pg.adminUrl).port, log: () => undefined });
  } else {
    const pid = Number(fs.readFileSync(kafkaPidFile, 'utf8'));
    if (kind === 'broker-kill') {
      process.kill(-pid, 'SIGKILL');
      await sleep(1000);
      await startKafka({ port: KAFKA_PORT, controllerPort: KAFKA_PORT + 1 });
    } else {
      // Longer than the consumers' session timeout (10 s): the groups rebalance when it comes back.
      process.kill(-pid, 'SIGSTOP');
      await sleep(12_000);
      process.kill(-pid, 'SIGCONT');
    }
  }
  const ended = Date.now();
  // Readiness first flips once the fault is noticed; give it a moment before trusting "ready".
  await sleep(['kill', 'term', 'clock-jump'].includes(kind) ? 500 : 0);
  const ready = await allReady(ctx, Date.now() + 120_000);
  return {
    kind,
    target,
    atS: Math.round((started - t0) / 100) / 10,
    lastedMs: ended - started,
    recoveredMs: ready ? Date.now() - ended : null,
    ...(redelivered === undefined ? {} : { redelivered }),
  };
}

/** Where each of `topics` ends now: taken when the load begins, it is what a replay rewinds to. */
export async function topicEnds({ stack }, topics) {
  const kafkaAdmin = new Kafka({ clientId: 'chaos-offsets', brokers: [stack.brokers], logLevel: logLevel.NOTHING }).admin();
  await kafkaAdmin.connect();
  try {
    const ends = new Map();
    for (const t of topics)
      ends.set(
        t,
        (await kafkaAdmin.fetchTopicOffsets(t)).map((p) => ({ partition: p.partition, offset: p.high })),
      );
    return ends;
  } finally {
    await kafkaAdmin.disconnect();
  }
}

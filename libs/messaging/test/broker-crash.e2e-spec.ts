import { allTopics } from '@omni/contracts';
import { eventually, freePortPair, http, Journey, Stack, startStack } from '@omni/testing';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';

const REPO = path.resolve(__dirname, '../../..');

/**
 * The broker crashes (SIGKILL) while orders are on their way between the order and inventory
 * services, and orders keep arriving while it is down. When it is back every order is answered
 * exactly once: no order lost, no unit reserved twice, never more reserved than the shelf holds.
 * The same holds when the broker stalls (SIGSTOP) for longer than the consumers' session timeout.
 * The services run against a broker of this test's own, so the others' broker is never touched.
 */
describe('a broker crash or stall in the middle of click & collect', () => {
  let port: number;
  let dataDir: string;
  let stack: Stack | undefined;

  const kafkaCli = (cmd: 'start' | 'kill' | 'stop') =>
    execFileSync(
      process.execPath,
      [path.join(REPO, 'scripts/infra/kafka.mjs'), cmd, '--port', String(port), '--controller-port', String(port + 1), '--data-dir', dataDir],
      { stdio: 'pipe' },
    );

  beforeAll(async () => {
    port = await freePortPair(); // the broker's listener, and its controller on the next port
    dataDir = mkdtempSync(path.join(tmpdir(), 'crash-kafka-'));
    kafkaCli('start');
    const admin = new Kafka({ clientId: 'crash-test', brokers: [`127.0.0.1:${port}`], logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    await admin.createTopics({ topics: allTopics().map((t) => ({ topic: t.name, numPartitions: t.partitions })), waitForLeaders: true });
    await admin.disconnect();
    stack = await startStack(['order', 'inventory'], { KAFKA_BROKERS: `127.0.0.1:${port}` });
  });
  afterAll(async () => {
    await stack?.stop();
    kafkaCli('stop');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers every order once after the broker is killed and restarted: 15 units, 20 orders, 15 reserved and 5 refused', async () => {
    const j = new Journey(stack!);
    const store = Journey.id('S');
    const sku = Journey.id('SNEAKER');
    await j.location(store);
    await j.receive(store, sku, 15);
    const place = () => j.place(store, [{ sku, quantity: 1 }]);

    // Ten orders at once; the broker dies as soon as they are accepted, with their events somewhere
    // between the outbox, the broker, inventory's consumer and the answers on their way back.
    const before = await Promise.all(Array.from({ length: 10 }, place));
    kafkaCli('kill');
    // Ten more while it is down: accepted, their order.placed wait in the outbox.
    const during = await Promise.all(Array.from({ length: 10 }, place));
    const down = await http('GET', `${stack!.services.order.url}/health/ready`);
    expect({ status: down.status, kafka: down.body.details?.kafka?.status }).toEqual({ status: 503, kafka: 'down' });

    kafkaCli('start');
    await Promise.all(Object.values(stack!.services).map((s) => s.ready(120_000)));

    // Every order answered once, and inventory agrees line by line: one reservation per reserved order, none for a refused one.
    const reservedOrders = await j.answeredOnce(
      store,
      sku,
      [...before, ...during].map((o) => o.id),
      15,
    );

    // And the journeys go on over the restarted broker: a cancelled order gives its unit back.
    expect((await http('POST', `${j.order}/orders/${reservedOrders[0]}/cancel`, { reason: 'changed my mind' })).status).toBe(200);
    await eventually(async () => expect(await j.stock(store, sku)).toMatchObject({ onHand: 15, reserved: 14, available: 1 }));
  });

  it("answers every order once after the broker is paused (SIGSTOP) past the consumers' session timeout", async () => {
    const j = new Journey(stack!);
    const store = Journey.id('S');
    const sku = Journey.id('BOOT');
    await j.location(store);
    await j.receive(store, sku, 15);
    const place = () => j.place(store, [{ sku, quantity: 1 }]);

    // A stalled broker: alive, its sockets open, answering nothing, for longer than the session
    // timeout (6 s in tests). When it wakes, a member whose heartbeat it reads late is expired and
    // its group rebalances; one whose heartbeat was queued goes on (which one wins is a race).
    const broker = Number(readFileSync(path.join(dataDir, 'kafka.pid'), 'utf8'));
    const before = await Promise.all(Array.from({ length: 10 }, place));
    process.kill(-broker, 'SIGSTOP');
    let during: { id: string }[];
    try {
      // Orders still arrive and are accepted: their events wait in the outbox.
      during = await Promise.all(Array.from({ length: 10 }, place));
      await new Promise((r) => setTimeout(r, 10_000)); // the stall itself, past the session timeout
    } finally {
      process.kill(-broker, 'SIGCONT');
    }
    await Promise.all(Object.values(stack!.services).map((s) => s.ready(120_000)));

    await j.answeredOnce(
      store,
      sku,
      [...before, ...during].map((o) => o.id),
      15,
    );
  });
});

import { allTopics } from '@omni/contracts';
import { eventually, freePort, freePortPair, freshDatabase, http, ServiceProcess, FAST_TEST_ENV } from '@omni/testing';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';

const REPO = path.resolve(__dirname, '../../..');

/** Services started before their broker come up not-ready, then become ready and work when it arrives. */
describe('services started before Kafka', () => {
  let port: number;
  let dataDir: string;
  const services: ServiceProcess[] = [];

  const kafkaCli = (cmd: string) =>
    execFileSync(
      process.execPath,
      [path.join(REPO, 'scripts/infra/kafka.mjs'), cmd, '--port', String(port), '--controller-port', String(port + 1), '--data-dir', dataDir],
      { stdio: 'pipe' },
    );

  beforeAll(async () => {
    port = await freePortPair(); // the broker's listener, and its controller on the next port
    dataDir = mkdtempSync(path.join(tmpdir(), 'late-kafka-'));
  });
  afterAll(async () => {
    await Promise.all(services.map((s) => s.stop()));
    kafkaCli('stop');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('reports not ready while Kafka is down, then ready, and completes an order', async () => {
    const brokers = `127.0.0.1:${port}`;
    for (const name of ['order', 'inventory'] as const) {
      services.push(new ServiceProcess(name, await freePort(), { ...FAST_TEST_ENV, KAFKA_BROKERS: brokers, DATABASE_URL: await freshDatabase(name) }).start());
    }
    const [order, inventory] = services;

    for (const s of services) {
      await eventually(async () => expect((await http('GET', `${s.url}/health/live`)).status).toBe(200));
      const ready = await http('GET', `${s.url}/health/ready`);
      expect(ready.status).toBe(503);
      expect(ready.body.details.kafka.status).toBe('down');
      expect(ready.body.details.postgres.status).toBe('up');
    }
    // Orders are accepted while Kafka is down: they wait in the outbox.
    expect(
      (
        await http('PUT', `${inventory.url}/locations/S1`, {
          name: 'S1',
          kind: 'store',
          timeZone: 'Europe/Paris',
          offersPickup: true,
          pickTimeMinutes: 30,
          pickupHoldDays: 3,
          transferDays: 2,
        })
      ).status,
    ).toBe(201);
    expect((await http('POST', `${inventory.url}/locations/S1/stock/LATE-1/adjustments`, { reason: 'receipt', quantity: 2 })).status).toBe(200);
    const placed = await http('POST', `${order.url}/orders`, {
      channel: 'app',
      storeId: 'S1',
      currency: 'EUR',
      lines: [{ sku: 'LATE-1', quantity: 2, unitPrice: 999 }],
    });
    expect(placed.status).toBe(201);

    kafkaCli('start');
    const admin = new Kafka({ clientId: 'late-test', brokers: [brokers], logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    await admin.createTopics({ topics: allTopics().map((t) => ({ topic: t.name, numPartitions: t.partitions })), waitForLeaders: true });
    await admin.disconnect();

    await Promise.all(services.map((s) => s.ready(90_000)));
    await eventually(async () => expect((await http('GET', `${order.url}/orders/${placed.body.id}`)).body.status).toBe('RESERVED'), { timeoutMs: 60_000 });
  });
});

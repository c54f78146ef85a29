import { deadLetterTopicOf, INVENTORY_EVENTS_TOPIC, NOTIFICATION_REQUESTS_TOPIC, ORDER_EVENTS_TOPIC } from '@omni/contracts';
import { eventually, Journey, KafkaProbe, Stack, startStack, testInfra } from '@omni/testing';
import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';

const SCRIPT = path.join(__dirname, 'external-consumer.mjs');

interface Line {
  topic: string;
  key: string | null;
  type: string | null;
  valid: boolean;
  errors: string[];
}

/** The external consumer as its own Node process, its stdout parsed line by line. */
class ExternalConsumer {
  readonly lines: Line[] = [];
  readonly stderr: string[] = [];
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcess;

  constructor(args: string[]) {
    this.child = spawn(process.execPath, [SCRIPT, '--brokers', testInfra().kafkaBrokers, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let partial = '';
    this.child.stdout!.on('data', (d: Buffer) => {
      const parts = (partial + d.toString()).split('\n');
      partial = parts.pop()!;
      for (const p of parts) if (p) this.lines.push(JSON.parse(p));
    });
    this.child.stderr!.on('data', (d: Buffer) => this.stderr.push(d.toString()));
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
  }

  ready(): Promise<void> {
    return eventually(() => {
      if (!this.stderr.join('').includes('"ready":true')) throw new Error(`external consumer not ready: ${this.stderr.join('')}`);
    });
  }

  async stop(): Promise<number | null> {
    if (this.child.exitCode === null) this.child.kill('SIGTERM');
    return this.exited;
  }
}

describe('an external consumer reading only docs/asyncapi.json', () => {
  let stack: Stack;
  let probe: KafkaProbe;
  let j: Journey;
  let external: ExternalConsumer;

  beforeAll(async () => {
    external = new ExternalConsumer([
      '--topics',
      [ORDER_EVENTS_TOPIC, INVENTORY_EVENTS_TOPIC, NOTIFICATION_REQUESTS_TOPIC, deadLetterTopicOf(ORDER_EVENTS_TOPIC)].join(','),
      '--timeout-ms',
      '110000',
    ]);
    probe = await new KafkaProbe().watch([NOTIFICATION_REQUESTS_TOPIC]);
    await external.ready();
    stack = await startStack(['order', 'inventory']);
    j = new Journey(stack, probe);
  });
  afterAll(async () => {
    await external?.stop();
    await stack?.stop();
    await probe?.close();
  });

  it('sees every event of a click & collect journey as valid, and flags a message that breaks the contract', async () => {
    const store = Journey.id('S');
    await j.location(store);
    await j.receive(store, 'JACKET-M', 2);
    const placed = await j.place(store, [{ sku: 'JACKET-M', quantity: 1, unitPrice: 12900 }]);
    await j.status(placed.id, 'RESERVED');
    await j.pickAll(store, placed.id);
    expect((await j.store(store).collect(placed.id, await j.pickupCode(placed.id))).status).toBeLessThan(300);
    await j.status(placed.id, 'COLLECTED');

    // A producer that got the contract wrong: a valid envelope around a payload the schema refuses.
    const poisonId = randomUUID();
    await probe.produce(ORDER_EVENTS_TOPIC, [
      {
        key: poisonId,
        value: JSON.stringify({ orderId: poisonId, channel: 'fax', storeId: store, currency: 'EUR', lines: [], placedAt: new Date().toISOString() }),
        headers: {
          ce_specversion: '1.0',
          ce_id: randomUUID(),
          ce_type: 'order.placed.v1',
          ce_source: 'a-careless-producer',
          ce_time: new Date().toISOString(),
          ce_subject: poisonId,
          'content-type': 'application/json',
          ce_correlationid: randomUUID(),
        },
      },
    ]);

    const journeyTypes = [
      'inventory.stock-adjusted.v1',
      'order.placed.v2',
      'inventory.reserved.v1',
      'order.confirmed.v1',
      'order.picking-started.v1',
      'order.ready-for-pickup.v1',
      'notification.requested.v1',
      'notification.requested.v2',
      'order.collected.v1',
      'inventory.reservation-consumed.v1',
      'payment.capture-requested.v1',
    ];
    const ours = () => external.lines.filter((l) => l.key === placed.id || l.key?.startsWith(`${store}/`));
    await eventually(() => expect(new Set(ours().map((l) => l.type))).toEqual(new Set(journeyTypes)));
    expect(ours().filter((l) => !l.valid)).toEqual([]);
    expect(ours().map((l) => l.topic)).toEqual(expect.arrayContaining([ORDER_EVENTS_TOPIC, INVENTORY_EVENTS_TOPIC, NOTIFICATION_REQUESTS_TOPIC]));

    const poison = await eventually(() => {
      const seen = external.lines.filter((l) => l.key === poisonId && l.topic === ORDER_EVENTS_TOPIC);
      expect(seen).toHaveLength(1);
      return seen[0];
    });
    expect(poison).toMatchObject({ type: 'order.placed.v1', valid: false });
    expect(poison.errors).toEqual(
      expect.arrayContaining([
        "payload: missing 'customerId'",
        'payload/channel: must be equal to one of the allowed values',
        'payload/lines: must NOT have fewer than 1 items',
      ]),
    );

    // inventory parks the poison message; the dead letter itself is as the document describes it
    const parked = await eventually(() => {
      const seen = external.lines.filter((l) => l.key === poisonId && l.topic === deadLetterTopicOf(ORDER_EVENTS_TOPIC));
      expect(seen.length).toBeGreaterThanOrEqual(1);
      return seen[0];
    });
    expect(parked).toMatchObject({ valid: true, errors: [] });

    expect(await external.stop()).toBe(0);
    expect(external.stderr.join('')).toMatch(/"done":true,"reason":"SIGTERM"/);
  });

  it('exits by itself after --max messages, and after --timeout-ms when nothing comes', async () => {
    const counted = new ExternalConsumer(['--topics', ORDER_EVENTS_TOPIC, '--max', '2']);
    expect(await counted.exited).toBe(0);
    expect(counted.lines).toHaveLength(2);
    expect(counted.stderr.join('')).toMatch(/"reason":"max","messages":2/);

    const idle = new ExternalConsumer(['--topics', deadLetterTopicOf(INVENTORY_EVENTS_TOPIC), '--latest', '--timeout-ms', '3000']);
    expect(await idle.exited).toBe(0);
    expect(idle.stderr.join('')).toMatch(/"reason":"timeout"/);
  });
});

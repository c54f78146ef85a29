import { INVENTORY_EVENTS_TOPIC } from '@omni/contracts';
import { eventually, freePort, Journey, KafkaProbe, ServiceProcess, Stack, startStack, testInfra } from '@omni/testing';
import { Kafka, logLevel } from 'kafkajs';

/**
 * A rebalance storm (docs/testing.md, fault 4 on its own): while orders for more units than the
 * shelf holds arrive steadily, second instances of inventory and of order join their consumer
 * groups and leave again — gracefully (SIGTERM) and by crashing (SIGKILL, its partitions held
 * until its session times out) — so partitions move back and forth mid-flight. Every order is
 * still answered exactly once: one outcome event each, one reservation per reserved order, never
 * more reserved than the shelf holds, nothing left in an outbox.
 */
describe('a rebalance storm under load', () => {
  let stack: Stack;
  let probe: KafkaProbe;
  let j: Journey;
  const admin = new Kafka({ clientId: 'storm-test', brokers: testInfra().kafkaBrokers.split(','), logLevel: logLevel.NOTHING }).admin();

  beforeAll(async () => {
    await admin.connect();
    probe = await new KafkaProbe().watch([INVENTORY_EVENTS_TOPIC]);
    stack = await startStack(['order', 'inventory']);
    j = new Journey(stack, probe);
  });
  afterAll(async () => {
    await stack?.stop();
    await probe?.close();
    await admin.disconnect();
  });

  const members = async (group: string) => (await admin.describeGroups([group])).groups[0].members.length;

  /** A second instance joins `service`'s group (both hold partitions), works for a while, then leaves as `leave` says. */
  const joinAndLeave = async (service: 'order' | 'inventory', leave: 'SIGTERM' | 'SIGKILL') => {
    const twin: ServiceProcess = stack.services[service].twin(await freePort()).start();
    try {
      await twin.ready();
      await eventually(async () => expect(await members(service)).toBe(2), { timeoutMs: 30_000 });
      await eventually(async () => expect(Number(await twinConsumed(twin))).toBeGreaterThan(0), { timeoutMs: 30_000 });
    } finally {
      if (leave === 'SIGKILL') await twin.kill();
      else await twin.stop();
    }
    // The group is back to one member: at once after a graceful leave, after the session timeout after a crash.
    await eventually(async () => expect(await members(service)).toBe(1), { timeoutMs: 30_000 });
  };
  /** Events the instance has taken from its partitions (it did hold some, and worked on them). */
  const twinConsumed = async (twin: ServiceProcess) => {
    const text = await (await fetch(`${twin.url}/metrics`)).text();
    return [...text.matchAll(/^events_consumed_total\{[^}]*\} (\d+)/gm)].reduce((n, m) => n + Number(m[1]), 0);
  };

  it('answers every order once while instances of inventory and order join and leave their groups', async () => {
    const store = Journey.id('STORM');
    const sku = Journey.id('JACKET');
    const stock = 40;
    await j.location(store);
    await j.receive(store, sku, stock);

    // Orders arrive steadily, one unit each, until the storm is over and more were asked for than the shelf holds.
    let storming = true;
    const orders: string[] = [];
    const load = (async () => {
      while (storming || orders.length < stock + 10) {
        orders.push((await j.place(store, [{ sku, quantity: 1 }])).id);
        await new Promise((r) => setTimeout(r, 150)); // about five orders a second, a steady load rather than a burst
      }
    })();
    try {
      await joinAndLeave('inventory', 'SIGTERM');
      await joinAndLeave('inventory', 'SIGKILL');
      await joinAndLeave('order', 'SIGTERM');
      await joinAndLeave('inventory', 'SIGTERM');
    } finally {
      storming = false;
      await load;
    }

    // Every order answered once: as many reserved as the shelf held, one reservation each, the outboxes empty.
    await j.answeredOnce(store, sku, orders, stock);

    // One outcome per order on the topic: a message published again after a crash carries the same event id.
    const outcomeIds = (id: string) =>
      new Set(
        ['inventory.reserved.v1', 'inventory.rejected.v1']
          .flatMap((type) => probe.on(INVENTORY_EVENTS_TOPIC, { key: id, type }))
          .map((m) => m.headers['ce_id']),
      );
    await eventually(async () => expect(orders.filter((id) => outcomeIds(id).size === 0)).toEqual([]));
    expect(orders.filter((id) => outcomeIds(id).size !== 1)).toEqual([]);
  }, 300_000);
});

import { Journey, JourneyOptions } from './journey';
import { KafkaProbe } from './kafka-probe';
import { ServiceName } from './service-process';
import { Stack, startStack } from './stack';

/** What an end-to-end spec file runs against: its services, a probe on its topics, and a journey over both. */
export interface JourneyStack {
  readonly stack: Stack;
  readonly probe: KafkaProbe;
  readonly j: Journey;
}

/**
 * The services' extra environment: settings, or a function (sync or async) that gives them, called
 * in journeyStack's `beforeAll` — for settings known only once an earlier `beforeAll` has run.
 */
export type JourneyEnv = Record<string, string> | (() => Record<string, string> | Promise<Record<string, string>>);

/**
 * The set-up end-to-end spec files share, written once: in the file's `beforeAll`, `env` worked
 * out, a probe watching `topics` (before the services start, so it sees all they publish), the
 * services started with `env` over real PostgreSQL and Kafka, and a Journey over both; in its
 * `afterAll`, all of it stopped. Call it at the top of a `describe`; read its fields in hooks and tests.
 *
 *   const e2e = journeyStack(['order', 'inventory'], { topics: [ORDER_EVENTS_TOPIC] });
 *   beforeAll(() => e2e.j.location(store));
 *   it('…', async () => { const placed = await e2e.j.place(store, lines); … });
 *
 * Jest runs `beforeAll` hooks in the order they are declared, and `afterAll` hooks in that same
 * order too (not reversed). Something the services need before they start and after they stop
 * (a trace collector) is started in a `beforeAll` declared above this call, handed over through
 * `env` as a function, and stopped in an `afterAll` declared below it:
 *
 *   const collector = new OtlpReceiver();
 *   beforeAll(() => collector.start());
 *   const e2e = journeyStack(['order'], { env: () => ({ OTEL_EXPORTER_OTLP_ENDPOINT: collector.url }) });
 *   afterAll(() => collector.stop());
 */
export function journeyStack(
  services: readonly ServiceName[],
  options: { topics?: readonly string[]; env?: JourneyEnv; journey?: JourneyOptions } = {},
): JourneyStack {
  let probe: KafkaProbe | undefined;
  let stack: Stack | undefined;
  let j: Journey | undefined;
  beforeAll(async () => {
    const env = typeof options.env === 'function' ? await options.env() : options.env;
    probe = await new KafkaProbe().watch([...(options.topics ?? [])]);
    stack = await startStack(services, env);
    j = new Journey(stack, probe, options.journey);
  });
  afterAll(async () => {
    await stack?.stop();
    await probe?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('journeyStack is read in hooks and tests, after its beforeAll has started it');
    return value;
  };
  return {
    get stack() {
      return started(stack);
    },
    get probe() {
      return started(probe);
    },
    get j() {
      return started(j);
    },
  };
}

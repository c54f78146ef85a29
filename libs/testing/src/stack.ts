import { freshDatabase, testInfra } from './env';
import { freePort, ServiceName, ServiceProcess } from './service-process';
import { testAuthKeys } from './tokens';

export interface Stack {
  services: Record<ServiceName, ServiceProcess>;
  databases: Record<ServiceName, string>;
  stop(): Promise<void>;
}

/** Settings that make test stacks react quickly; production keeps the defaults. */
export const FAST_TEST_ENV: Record<string, string> = {
  LOG_LEVEL: 'info',
  OUTBOX_POLL_INTERVAL_MS: '500',
  CONSUMER_RETRY_BASE_MS: '50',
  CONSUMER_SESSION_TIMEOUT_MS: '6000',
  // Tests poll with eventually() as one caller; a test of the limiter sets a small limit itself.
  RATE_LIMIT_PER_MINUTE: '100000',
};

/**
 * Services (all four by default), each with a fresh database, on the shared test broker; on the
 * shared PostgreSQL server unless `pgAdminUrl` names a server of the test's own (one it restarts).
 */
export async function startStack(
  names: readonly ServiceName[] = ['order', 'inventory', 'returns', 'customer'],
  env: Record<string, string> = {},
  { pgAdminUrl }: { pgAdminUrl?: string } = {},
): Promise<Stack> {
  const { kafkaBrokers } = testInfra();
  const services = {} as Record<ServiceName, ServiceProcess>;
  const databases = {} as Record<ServiceName, string>;
  for (const name of names) {
    databases[name] = await freshDatabase(name, pgAdminUrl);
    services[name] = new ServiceProcess(name, await freePort(), {
      ...FAST_TEST_ENV,
      KAFKA_BROKERS: kafkaBrokers,
      DATABASE_URL: databases[name],
      AUTH_PUBLIC_KEY: testAuthKeys().publicKey,
      ...env,
    }).start();
  }
  await Promise.all(Object.values(services).map((s) => s.ready()));
  return {
    services,
    databases,
    stop: async () => {
      await Promise.all(Object.values(services).map((s) => s.stop()));
    },
  };
}

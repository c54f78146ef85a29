import { stopKafka } from '../../../scripts/infra/kafka.mjs';
import { killServicesListedIn } from './global-setup.mjs';

export default async function globalTeardown() {
  // A test that failed before stopping its services must not leave them consuming from the next run's broker.
  if (process.env.TEST_SERVICE_PID_FILE) killServicesListedIn(process.env.TEST_SERVICE_PID_FILE);
  const infra = globalThis.__INFRA__;
  if (!infra) return;
  if (infra.containers) {
    await Promise.all([infra.containers.stop(), infra.pg.stop()]);
    return;
  }
  await stopKafka({ port: Number(process.env.TEST_KAFKA_PORT), dataDir: process.env.TEST_KAFKA_DATA_DIR });
  await infra.pg.stop();
}

import { stopKafka } from '../../../scripts/infra/kafka.mjs';

export default async function globalTeardown() {
  const infra = globalThis.__INFRA__;
  if (!infra) return;
  if (infra.containers) {
    await Promise.all([infra.containers.stop(), infra.pg.stop()]);
    return;
  }
  await stopKafka({ port: Number(process.env.TEST_KAFKA_PORT), dataDir: process.env.TEST_KAFKA_DATA_DIR });
  await infra.pg.stop();
}

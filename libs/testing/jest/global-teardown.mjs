import { stopKafka } from '../../../scripts/infra/kafka.mjs';

export default async function globalTeardown() {
  const infra = globalThis.__INFRA__;
  if (!infra) return;
  await stopKafka({ port: Number(process.env.TEST_KAFKA_PORT), dataDir: process.env.TEST_KAFKA_DATA_DIR });
  await infra.pg.stop();
}

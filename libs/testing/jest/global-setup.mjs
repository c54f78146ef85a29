// Starts the real infrastructure once for all integration and end-to-end tests, and compiles the
// services, whose processes the tests start and kill. Two ways, chosen automatically:
// - a Docker engine answers (and TEST_INFRA is not `local`): Testcontainers runs Kafka (KRaft)
//   and PostgreSQL in containers — when it can: an engine with no registry to pull the images from
//   falls back to the next way;
// - otherwise (TEST_INFRA=local forces it): a fresh single-node Kafka broker from Kafka's own jars
//   and PostgreSQL (DATABASE_URL when reachable, else embedded), run by scripts/infra.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportPKCS8, exportSPKI, generateKeyPair } from 'jose';
import { createTopics, ensureKafkaJars, startKafka, stopKafka } from '../../../scripts/infra/kafka.mjs';
import { ensurePostgres } from '../../../scripts/infra/postgres.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const KAFKA_PORT = Number(process.env.TEST_KAFKA_PORT ?? 29092);
const PG_PORT = Number(process.env.TEST_PG_PORT ?? 54339);

export default async function globalSetup() {
  const started = Date.now();
  const build = spawnSync('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: REPO, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the TypeScript build failed; services cannot start');

  ensureKafkaJars(); // also needed in container mode: one test starts a second broker of its own
  // Service processes of an earlier run on these ports that outlived it (a killed Jest, a crashed
  // test) would join this run's consumer groups with old code: stop them first.
  const pidFile = path.join(REPO, '.cache/test-runs', String(KAFKA_PORT), 'service-pids');
  killServicesListedIn(pidFile);
  fs.mkdirSync(path.dirname(pidFile), { recursive: true });
  fs.writeFileSync(pidFile, '');
  process.env.TEST_SERVICE_PID_FILE = pidFile;
  const dataDir = path.join(REPO, '.cache/test-kafka', String(KAFKA_PORT));
  const containers = (await dockerEngine()) ? await startContainers().catch(noContainers) : null;
  let kafka, pg;
  if (containers) {
    ({ kafka, pg } = containers);
  } else {
    // Every run starts from an empty broker, so no test sees another run's events.
    await stopKafka({ port: KAFKA_PORT, dataDir }).catch(() => undefined);
    fs.rmSync(dataDir, { recursive: true, force: true });
    [kafka, pg] = await Promise.all([
      startKafka({ port: KAFKA_PORT, controllerPort: KAFKA_PORT + 1, dataDir }),
      ensurePostgres({ port: PG_PORT, fast: true, log: () => undefined }),
    ]);
  }
  const { topics, partitions } = JSON.parse(fs.readFileSync(path.join(REPO, 'libs/contracts/src/topics.json'), 'utf8'));
  await createTopics({
    brokers: kafka.brokers,
    topics: topics.flatMap((t) => [
      { name: t.name, partitions },
      { name: `${t.name}.dlq`, partitions },
    ]),
  });

  // A signing key pair per run: services trust the public key (inherited from this environment,
  // and passed by startStack), tests mint tokens with the private one (libs/testing mintToken).
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  process.env.AUTH_PUBLIC_KEY = await exportSPKI(publicKey);
  process.env.TEST_AUTH_PRIVATE_KEY = await exportPKCS8(privateKey);
  delete process.env.AUTH_JWKS_URL;

  process.env.KAFKA_BROKERS = kafka.brokers;
  process.env.TEST_KAFKA_DATA_DIR = dataDir;
  process.env.TEST_KAFKA_PORT = String(KAFKA_PORT);
  process.env.TEST_PG_ADMIN_URL = pg.adminUrl;
  globalThis.__INFRA__ = { kafka, pg, containers };
  const how = containers ? 'Testcontainers' : `local processes, PostgreSQL ${pg.embedded ? 'embedded' : 'from DATABASE_URL'}`;
  console.log(`\ninfrastructure ready in ${Date.now() - started} ms (${how}): Kafka ${kafka.brokers}`);
}

async function dockerEngine() {
  if (process.env.TEST_INFRA === 'local') return false;
  const { getContainerRuntimeClient } = await import('testcontainers');
  try {
    await getContainerRuntimeClient();
    return true;
  } catch {
    if (process.env.TEST_INFRA === 'containers') throw new Error('TEST_INFRA=containers but no Docker engine answers');
    return false;
  }
}

/**
 * A Docker engine that cannot start the containers — typically one with no image registry in
 * reach to pull them from — leaves the run to local processes, unless containers were asked for.
 */
function noContainers(error) {
  if (process.env.TEST_INFRA === 'containers') throw error;
  console.log(`\na Docker engine answers but Testcontainers could not start (${String(error.message ?? error).split('\n')[0]}); using local processes`);
  return null;
}

/** The same infrastructure in containers, for machines with a Docker engine (CI runners, laptops). */
async function startContainers() {
  const { KafkaContainer } = await import('@testcontainers/kafka');
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const [kafkaContainer, pgContainer] = await Promise.all([
    new KafkaContainer('confluentinc/cp-kafka:7.9.0').withKraft().withEnvironment({ KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false' }).start(),
    new PostgreSqlContainer('postgres:17-alpine').withCommand(['postgres', '-c', 'max_connections=300', '-c', 'fsync=off']).start(),
  ]);
  return {
    kafka: { brokers: `${kafkaContainer.getHost()}:${kafkaContainer.getMappedPort(9093)}` },
    pg: { adminUrl: pgContainer.getConnectionUri(), embedded: false, stop: () => pgContainer.stop() },
    stop: () => kafkaContainer.stop(),
  };
}

/** SIGKILLs the service processes (dist/apps/<service>/src/main.js) whose pids a run wrote to `file`. */
export function killServicesListedIn(file) {
  if (!fs.existsSync(file)) return;
  for (const pid of fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map(Number)) {
    try {
      if (!fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(`${path.sep}dist${path.sep}apps${path.sep}`)) continue;
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone already
    }
  }
}

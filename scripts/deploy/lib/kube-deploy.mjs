// k8s/overlays/local on the one-node cluster of cluster.mjs, with the images built here and the
// composed stack's Kafka and PostgreSQL: a test overlay on top of it (written under the cache, the
// way a user adapts the local overlay to their cluster) changes only what this cluster needs.
// - hostNetwork on every pod: there is no CNI, and the composed Kafka advertises localhost;
// - one pod per node per port, so an update replaces the pod (strategy Recreate) instead of surging
//   a second one onto the port the first holds (the scheduler would park it as unschedulable and
//   retry it only up to a minute later); ports are picked free;
// - no HorizontalPodAutoscaler or PodDisruptionBudget: Kubernetes 1.20 does not serve autoscaling/v2
//   or policy/v1 (tools/deploy/kubernetes.spec.ts validates them against their schemas instead).
// NetworkPolicies are applied but not enforced: no CNI plugin enforces them here.
import fs from 'node:fs';
import path from 'node:path';
import { REPO } from '../../lib/setup.mjs';
import { freePort } from './compose.mjs';
import { CACHE_DIR, waitFor } from './proc.mjs';

export const NAMESPACE = 'omni-local';
const SERVICES = ['order', 'inventory', 'returns', 'customer'];

const jsonPatch = (ops) => JSON.stringify(ops);
const podPatch = (prefix) => [
  { op: 'add', path: `${prefix}/hostNetwork`, value: true },
  { op: 'add', path: `${prefix}/dnsPolicy`, value: 'ClusterFirstWithHostNet' },
];

/** The test overlay's kustomization (JSON is YAML), on top of k8s/overlays/local. */
export function testOverlay({ overlayDir, kafkaImage, brokers, ports }) {
  const [kafkaName, kafkaTag] = kafkaImage.split(':');
  const configMap = (name, data) => ({ patch: JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data }) });
  const remove = (apiVersion, kind) => ({ target: { kind }, patch: JSON.stringify({ $patch: 'delete', apiVersion, kind, metadata: { name: 'any' } }) });
  return {
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    resources: [path.relative(overlayDir, path.join(REPO, 'k8s/overlays/local'))],
    images: [{ name: 'apache/kafka', newName: kafkaName, newTag: kafkaTag }],
    patches: [
      configMap('omni-config', { KAFKA_BROKERS: brokers }),
      configMap('omni-topics', { KAFKA_BOOTSTRAP: brokers }),
      { target: { kind: 'Job' }, patch: jsonPatch(podPatch('/spec/template/spec')) },
      {
        target: { kind: 'Deployment' },
        patch: jsonPatch([...podPatch('/spec/template/spec'), { op: 'replace', path: '/spec/strategy', value: { type: 'Recreate' } }]),
      },
      ...SERVICES.map((name) => ({
        target: { kind: 'Deployment', name },
        patch: jsonPatch([
          { op: 'test', path: '/spec/template/spec/containers/0/env/0/name', value: 'PORT' },
          { op: 'replace', path: '/spec/template/spec/containers/0/env/0/value', value: String(ports[name]) },
          { op: 'replace', path: '/spec/template/spec/containers/0/ports/0/containerPort', value: ports[name] },
        ]),
      })),
      remove('autoscaling/v2', 'HorizontalPodAutoscaler'),
      remove('policy/v1', 'PodDisruptionBudget'),
    ],
  };
}

/**
 * Writes the test overlay, creates the namespace and the Secrets the manifests reference (pointing
 * at the composed PostgreSQL), and applies the overlay with `kubectl apply -k`. Returns the kubectl
 * output (the objects created).
 */
export async function applyLocalOverlay(cluster, { kafkaImage, brokers, postgres, publicKey, erasureHashKey }) {
  const overlayDir = path.join(CACHE_DIR, 'k8s-test-overlay');
  fs.rmSync(overlayDir, { recursive: true, force: true });
  fs.mkdirSync(overlayDir, { recursive: true });
  const ports = {};
  for (const s of SERVICES) ports[s] = await freePort();
  fs.writeFileSync(path.join(overlayDir, 'kustomization.yaml'), `${JSON.stringify(testOverlay({ overlayDir, kafkaImage, brokers, ports }), null, 2)}\n`);

  const { kubectl } = cluster;
  await kubectl(['create', 'namespace', NAMESPACE]);
  const secret = (name, literals) =>
    kubectl(['-n', NAMESPACE, 'create', 'secret', 'generic', name, ...Object.entries(literals).map(([k, v]) => `--from-literal=${k}=${v}`)]);
  for (const s of SERVICES)
    await secret(`omni-${s}-db`, { DATABASE_URL: `postgres://${postgres.user}:${postgres.password}@127.0.0.1:${postgres.port}/omni_${s}` });
  await secret('omni-auth', { AUTH_PUBLIC_KEY: publicKey });
  await secret('omni-customer-erasure', { ERASURE_HASH_KEY: erasureHashKey });
  const applied = await kubectl(['apply', '-k', overlayDir]);
  return { applied: applied.trim().split('\n'), ports };
}

/** Every Job completed and every Deployment rolled out; a failed Job's pod log in the error. */
export async function waitForWorkloads(cluster, { timeoutMs = 300_000 } = {}) {
  const { kubectl } = cluster;
  const jobs = JSON.parse(await kubectl(['-n', NAMESPACE, 'get', 'jobs', '-o', 'json'])).items.map((j) => j.metadata.name);
  const timings = {};
  const started = Date.now();
  await waitFor(
    'every Job to complete',
    async () => {
      for (const j of JSON.parse(await kubectl(['-n', NAMESPACE, 'get', 'jobs', '-o', 'json'])).items) {
        if (j.status.succeeded > 0 && !(j.metadata.name in timings)) timings[j.metadata.name] = Date.now() - started;
      }
      // restartPolicy OnFailure restarts a failing container in place: a third restart is a failure here.
      for (const pod of JSON.parse(await kubectl(['-n', NAMESPACE, 'get', 'pods', '-l', 'job-name', '-o', 'json'])).items) {
        const restarts = Math.max(0, ...(pod.status.containerStatuses ?? []).map((c) => c.restartCount));
        if (restarts >= 3) {
          const log = await kubectl(['-n', NAMESPACE, 'logs', pod.metadata.name, '--previous', '--tail=30']).catch((e) => e.message);
          throw new Error(`Job ${pod.metadata.labels['job-name']}: its pod restarted ${restarts} times; last log:\n${log}`);
        }
      }
      return jobs.every((name) => name in timings);
    },
    { timeoutMs, everyMs: 1000 },
  );
  for (const s of SERVICES) {
    await kubectl(['-n', NAMESPACE, 'rollout', 'status', `deployment/${s}`, `--timeout=${Math.round(timeoutMs / 1000)}s`]);
    timings[`deployment/${s}`] = Date.now() - started;
  }
  return timings;
}

/** Each service's base URL through its Service: the ClusterIP kube-proxy answers on. */
export async function serviceUrls(cluster) {
  const urls = {};
  for (const s of SERVICES) {
    const svc = JSON.parse(await cluster.kubectl(['-n', NAMESPACE, 'get', 'service', s, '-o', 'json']));
    urls[s] = `http://${svc.spec.clusterIP}:${svc.spec.ports[0].port}`;
  }
  return urls;
}

/** What the pods and events say, for a failure report. */
export async function clusterReport(cluster) {
  const parts = [];
  for (const args of [
    ['get', 'pods', '-o', 'wide'],
    ['get', 'events', '--sort-by=.lastTimestamp'],
  ]) {
    parts.push(await cluster.kubectl(['-n', NAMESPACE, ...args]).catch((e) => e.message));
  }
  return parts.join('\n');
}

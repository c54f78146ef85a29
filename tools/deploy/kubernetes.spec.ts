import * as appsV1 from 'kubernetes-models/apps/v1';
import * as autoscalingV2 from 'kubernetes-models/autoscaling/v2';
import * as batchV1 from 'kubernetes-models/batch/v1';
import * as networkingV1 from 'kubernetes-models/networking.k8s.io/v1';
import * as policyV1 from 'kubernetes-models/policy/v1';
import * as coreV1 from 'kubernetes-models/v1';
import { dirname } from 'node:path';
import { contractTopics, K8sObject, kustomizationFiles, kustomize, OVERLAYS, parseYamlDocuments, readText, render, SERVICES } from './manifests';

/** kubernetes-models classes by apiVersion/kind: every rendered object must have one (no unchecked kinds). */
const MODELS: Record<string, new (o: never) => { validate(): void }> = {
  'v1/ConfigMap': coreV1.ConfigMap,
  'v1/Namespace': coreV1.Namespace,
  'v1/Secret': coreV1.Secret,
  'v1/Service': coreV1.Service,
  'apps/v1/Deployment': appsV1.Deployment,
  'batch/v1/Job': batchV1.Job,
  'autoscaling/v2/HorizontalPodAutoscaler': autoscalingV2.HorizontalPodAutoscaler,
  'policy/v1/PodDisruptionBudget': policyV1.PodDisruptionBudget,
  'networking.k8s.io/v1/NetworkPolicy': networkingV1.NetworkPolicy,
};

const id = (o: K8sObject) => `${o.kind}/${o.metadata.name}`;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const podSpec = (o: K8sObject): any => o.spec.template.spec;
const matches = (selector: Record<string, string>, labels: Record<string, string> = {}) =>
  Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => labels[k] === v);

describe.each(OVERLAYS)('k8s/overlays/%s', (overlay) => {
  const objects = kustomize(`k8s/overlays/${overlay}`);
  const ofKind = (kind: string) => objects.filter((o) => o.kind === kind);
  const deployments = ofKind('Deployment');
  const workloads = [...deployments, ...ofKind('Job')];

  it('renders a Deployment per service, all in one namespace', () => {
    expect(deployments.map((d) => d.metadata.name).sort()).toEqual([...SERVICES].sort());
    const namespaces = new Set(objects.filter((o) => o.kind !== 'Namespace').map((o) => o.metadata.namespace));
    expect([...namespaces]).toEqual([overlay === 'production' ? 'omni' : 'omni-local']);
  });

  it('validates every object against the Kubernetes schemas (kubernetes-models)', () => {
    for (const o of objects) {
      const Model = MODELS[`${o.apiVersion}/${o.kind}`];
      if (!Model) throw new Error(`${id(o)}: no schema for ${o.apiVersion} ${o.kind} in this check; add one`);
      expect(() => new Model(o as never).validate()).not.toThrow();
    }
  });

  it('gives every container resource requests and limits and a locked-down security context', () => {
    for (const w of workloads) {
      const spec = podSpec(w);
      for (const c of [...(spec.initContainers ?? []), ...spec.containers]) {
        const where = `${id(w)} container ${c.name}`;
        expect({ where, cpu: c.resources?.limits?.cpu, memory: c.resources?.limits?.memory }).toEqual({
          where,
          cpu: expect.anything(),
          memory: expect.anything(),
        });
        expect({ where, cpu: c.resources?.requests?.cpu, memory: c.resources?.requests?.memory }).toEqual({
          where,
          cpu: expect.anything(),
          memory: expect.anything(),
        });
        const nonRoot = c.securityContext?.runAsNonRoot ?? spec.securityContext?.runAsNonRoot;
        expect({
          where,
          nonRoot,
          readOnlyRoot: c.securityContext?.readOnlyRootFilesystem,
          escalation: c.securityContext?.allowPrivilegeEscalation,
          drop: c.securityContext?.capabilities?.drop,
        }).toEqual({ where, nonRoot: true, readOnlyRoot: true, escalation: false, drop: ['ALL'] });
        expect({ where, image: c.image }).not.toEqual({ where, image: expect.stringMatching(/:latest$|^[^:]+$/) });
      }
    }
  });

  it('probes every service container on /health/live and /health/ready and lets graceful shutdown finish', () => {
    for (const d of deployments) {
      const spec = podSpec(d);
      for (const c of spec.containers) {
        const where = `${id(d)} container ${c.name}`;
        expect({ where, live: c.livenessProbe?.httpGet?.path, ready: c.readinessProbe?.httpGet?.path }).toEqual({
          where,
          live: '/health/live',
          ready: '/health/ready',
        });
      }
      expect(spec.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(30);
    }
  });

  it("runs a migration Job per service: its Deployment's image with `migrate`, the same database Secret, run again on failure", () => {
    const jobs = ofKind('Job').filter((j) => j.metadata.labels?.['app.kubernetes.io/component'] === 'migration');
    expect(jobs.map((j) => j.metadata.name).sort()).toEqual(SERVICES.map((s) => `${s}-migrate`).sort());
    for (const service of SERVICES) {
      const job = jobs.find((j) => j.metadata.name === `${service}-migrate`)!;
      const deployment = deployments.find((d) => d.metadata.name === service)!;
      const [migrate] = podSpec(job).containers;
      const [serve] = podSpec(deployment).containers;
      const dbSecret = (c: { env?: { name: string; valueFrom?: { secretKeyRef?: { name: string } } }[] }) =>
        c.env?.find((e) => e.name === 'DATABASE_URL')?.valueFrom?.secretKeyRef?.name;
      expect({ service, image: migrate.image, args: migrate.args, db: dbSecret(migrate), envFrom: migrate.envFrom }).toEqual({
        service,
        image: serve.image,
        args: ['migrate'],
        db: `omni-${service}-db`,
        envFrom: serve.envFrom,
      });
      expect({ service, restart: podSpec(job).restartPolicy, backoff: job.spec.backoffLimit > 0, ttl: job.spec.ttlSecondsAfterFinished > 0 }).toEqual({
        service,
        restart: 'OnFailure',
        backoff: true,
        ttl: true,
      });
      // Migration pods reach PostgreSQL only: a NetworkPolicy selects them.
      const policies = ofKind('NetworkPolicy').filter((p) => matches(p.spec.podSelector?.matchLabels ?? {}, job.spec.template.metadata.labels));
      expect({ service, policies: policies.length }).toEqual({ service, policies: 1 });
    }
  });

  it('takes DATABASE_URL and the auth key source from Secrets, and commits no Secret with data', () => {
    for (const d of workloads.filter((w) => w.kind === 'Deployment' || w.metadata.name.endsWith('-migrate'))) {
      const env: { name: string; value?: string; valueFrom?: { secretKeyRef?: unknown } }[] = podSpec(d).containers[0].env ?? [];
      for (const name of ['DATABASE_URL', 'AUTH_JWKS_URL', 'AUTH_PUBLIC_KEY']) {
        const e = env.find((x) => x.name === name);
        expect({ d: id(d), name, secret: Boolean(e?.valueFrom?.secretKeyRef), literal: e?.value }).toEqual({
          d: id(d),
          name,
          secret: true,
          literal: undefined,
        });
      }
    }
    const withData = ofKind('Secret').filter((s) => Object.keys({ ...s.data, ...s.stringData }).length > 0);
    expect(withData.map(id)).toEqual([]);
    for (const cm of ofKind('ConfigMap')) {
      expect(Object.keys(cm.data ?? {}).filter((k) => /DATABASE_URL|PASSWORD|SECRET|PUBLIC_KEY/.test(k))).toEqual([]);
    }
  });

  it('gives every Deployment a PodDisruptionBudget selecting its pods, an HPA targeting it and a NetworkPolicy', () => {
    for (const d of deployments) {
      const labels = d.spec.template.metadata.labels;
      const pdbs = ofKind('PodDisruptionBudget').filter((p) => matches(p.spec.selector?.matchLabels ?? {}, labels));
      expect({ d: id(d), pdbs: pdbs.length }).toEqual({ d: id(d), pdbs: 1 });
      const hpas = ofKind('HorizontalPodAutoscaler').filter(
        (h) => h.spec.scaleTargetRef.kind === 'Deployment' && h.spec.scaleTargetRef.name === d.metadata.name,
      );
      expect({ d: id(d), hpas: hpas.length }).toEqual({ d: id(d), hpas: 1 });
      expect(hpas[0].spec.minReplicas).toBeGreaterThanOrEqual(1);
      expect(hpas[0].spec.maxReplicas).toBeGreaterThanOrEqual(hpas[0].spec.minReplicas);
      const policies = ofKind('NetworkPolicy').filter((p) => matches(p.spec.podSelector?.matchLabels ?? {}, labels));
      expect({ d: id(d), policies: policies.length > 0 }).toEqual({ d: id(d), policies: true });
      const svc = ofKind('Service').find((s) => s.metadata.name === d.metadata.name);
      expect(svc && matches(svc.spec.selector, labels)).toBe(true);
    }
  });

  it("keeps app.kubernetes.io/part-of in Deployment and Service selectors (a Deployment's selector cannot change on a live cluster)", () => {
    for (const o of [...deployments, ...ofKind('Service')]) {
      const selector = o.kind === 'Deployment' ? o.spec.selector.matchLabels : o.spec.selector;
      expect({ o: id(o), partOf: selector?.['app.kubernetes.io/part-of'] }).toEqual({ o: id(o), partOf: 'omni-backbone' });
    }
  });

  it(`creates every topic of topics.json (and its .dlq) with replication factor ${overlay === 'production' ? 3 : 1}`, () => {
    const job = ofKind('Job').find((j) => j.metadata.name === 'omni-kafka-topics');
    expect(job).toBeDefined();
    const cm = ofKind('ConfigMap').find((c) => c.metadata.name === 'omni-topics');
    const { names, partitions } = contractTopics();
    expect(String(cm?.data.TOPICS).split(/\s+/).sort()).toEqual([...names].sort());
    expect(cm?.data.PARTITIONS).toBe(String(partitions));
    expect(cm?.data.REPLICATION_FACTOR).toBe(overlay === 'production' ? '3' : '1');
    const script: string = job?.spec.template.spec.containers[0].args.join('\n');
    expect(script).toContain('"$t.dlq"');
    expect(script).toContain('--replication-factor "$REPLICATION_FACTOR"');
    const envFrom = job?.spec.template.spec.containers[0].envFrom ?? [];
    expect(envFrom).toContainEqual({ configMapRef: { name: 'omni-topics' } });
  });
});

describe('k8s/strimzi', () => {
  it('declares every topic and its .dlq as a KafkaTopic with the contract partitions and 3 replicas', () => {
    const objects = kustomize('k8s/strimzi');
    const { names, partitions } = contractTopics();
    const expected = names.flatMap((n) => [n, `${n}.dlq`]).sort();
    expect(objects.every((o) => o.kind === 'KafkaTopic' && o.apiVersion === 'kafka.strimzi.io/v1beta2')).toBe(true);
    expect(objects.map((o) => o.spec.topicName).sort()).toEqual(expected);
    for (const o of objects) expect({ t: o.spec.topicName, p: o.spec.partitions, r: o.spec.replicas }).toEqual({ t: o.spec.topicName, p: partitions, r: 3 });
  });
});

/** Kustomization fields kustomize v5 reports as deprecated ("# Warning: '<field>' is deprecated"), and what replaces them. */
const DEPRECATED_FIELDS = new Map([
  ['bases', '`resources` (directories are fine there)'],
  ['commonLabels', '`labels` with `pairs` and `includeSelectors: true` (keeps the selectors)'],
  ['imageTags', '`images`'],
  ['patchesJson6902', '`patches` with a `target`'],
  ['patchesStrategicMerge', '`patches` with `- path: <file>`'],
  ['vars', '`replacements`'],
]);

describe('kustomizations under k8s/', () => {
  const files = kustomizationFiles('k8s');

  it('include the base, both overlays and strimzi (so the checks below see them)', () => {
    expect(files).toEqual(
      expect.arrayContaining(['k8s/base', ...OVERLAYS.map((o) => `k8s/overlays/${o}`), 'k8s/strimzi'].map((d) => `${d}/kustomization.yaml`)),
    );
  });

  it.each(files)('%s uses no field kustomize v5 deprecates', (file) => {
    const k = parseYamlDocuments(readText(file))[0] as Record<string, unknown>;
    const deprecated = Object.keys(k)
      .filter((f) => DEPRECATED_FIELDS.has(f))
      .map((f) => `${f}: use ${DEPRECATED_FIELDS.get(f)}`);
    expect({ file, deprecated }).toEqual({ file, deprecated: [] });
  });

  it.each(files.map(dirname))('kubectl kustomize %s prints nothing on stderr (no deprecation warnings)', (dir) => {
    expect({ dir, stderr: render(dir).stderr }).toEqual({ dir, stderr: '' });
  });
});

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { K8sObject, kustomize, parseYamlDocuments, ROOT, SERVICES } from './manifests';

// The overlay `npm run test:deploy` writes on top of k8s/overlays/local for its one-node cluster
// (scripts/deploy/lib/kube-deploy.mjs), rendered here offline: it must change only what that
// cluster needs, so that what runs there is the local overlay a user applies.
const ports: Record<string, number> = { order: 41001, inventory: 41002, returns: 41003, customer: 41004 };
const brokers = '127.0.0.1:40000';

function renderTestOverlay(): K8sObject[] {
  const dir = mkdtempSync(join(tmpdir(), 'omni-test-overlay-'));
  try {
    const input = JSON.stringify({ overlayDir: dir, kafkaImage: 'local/kafka:3.9.1', brokers, ports });
    const script = `import(${JSON.stringify(join(ROOT, 'scripts/deploy/lib/kube-deploy.mjs'))}).then((m) => process.stdout.write(JSON.stringify(m.testOverlay(${input}))))`;
    writeFileSync(join(dir, 'kustomization.yaml'), execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
    return parseYamlDocuments(execFileSync('kubectl', ['kustomize', dir], { encoding: 'utf8' })) as K8sObject[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const id = (o: K8sObject) => `${o.kind}/${o.metadata.name}`;

describe('the test overlay of test:deploy (on top of k8s/overlays/local)', () => {
  const local = kustomize('k8s/overlays/local');
  const test = renderTestOverlay();

  it('keeps every object of the local overlay but the HPAs and PDBs Kubernetes 1.20 cannot serve', () => {
    const kept = local.filter((o) => o.kind !== 'HorizontalPodAutoscaler' && o.kind !== 'PodDisruptionBudget');
    expect(local.length - kept.length).toBe(2 * SERVICES.length);
    expect(test.map(id).sort()).toEqual(kept.map(id).sort());
  });

  it("runs every pod on the host network, and replaces a Deployment's one pod instead of surging a second onto its port", () => {
    for (const w of test.filter((o) => o.kind === 'Deployment' || o.kind === 'Job')) {
      expect({ w: id(w), host: w.spec.template.spec.hostNetwork, dns: w.spec.template.spec.dnsPolicy }).toEqual({
        w: id(w),
        host: true,
        dns: 'ClusterFirstWithHostNet',
      });
    }
    for (const d of test.filter((o) => o.kind === 'Deployment')) {
      expect({ d: id(d), strategy: d.spec.strategy }).toEqual({ d: id(d), strategy: { type: 'Recreate' } });
    }
  });

  it('moves each service to its port (PORT and the container port together) and points the services and the topics Job at the given broker', () => {
    for (const service of SERVICES) {
      const [c] = test.find((o) => o.kind === 'Deployment' && o.metadata.name === service)!.spec.template.spec.containers;
      expect({ service, env: c.env.find((e: { name: string }) => e.name === 'PORT').value, port: c.ports[0].containerPort }).toEqual({
        service,
        env: String(ports[service]),
        port: ports[service],
      });
    }
    const data = (name: string) => test.find((o) => o.kind === 'ConfigMap' && o.metadata.name === name)!.data;
    expect(data('omni-config').KAFKA_BROKERS).toBe(brokers);
    expect(data('omni-topics').KAFKA_BOOTSTRAP).toBe(brokers);
    const topics = test.find((o) => o.kind === 'Job' && o.metadata.name === 'omni-kafka-topics')!;
    expect(topics.spec.template.spec.containers[0].image).toBe('local/kafka:3.9.1');
  });

  it('leaves the rest of every workload as the local overlay renders it (images, probes, resources, security, Secrets)', () => {
    const strip = (o: K8sObject) => {
      const copy = JSON.parse(JSON.stringify(o));
      if (copy.kind === 'ConfigMap') {
        delete copy.data.KAFKA_BROKERS;
        delete copy.data.KAFKA_BOOTSTRAP;
      }
      const spec = copy.spec?.template?.spec;
      if (spec) {
        delete spec.hostNetwork;
        delete spec.dnsPolicy;
        for (const c of spec.containers) {
          if (copy.kind === 'Deployment') {
            delete c.env[0].value;
            delete c.ports[0].containerPort;
          }
          if (copy.metadata.name === 'omni-kafka-topics') delete c.image;
        }
      }
      if (copy.kind === 'Deployment') delete copy.spec.strategy;
      return copy;
    };
    for (const o of test) expect(strip(o)).toEqual(strip(local.find((l) => id(l) === id(o))!));
  });
});

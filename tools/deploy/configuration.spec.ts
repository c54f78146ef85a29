import { loadConfig } from '@omni/platform';
import { join } from 'node:path';
import { kustomize, OVERLAYS, parseYamlFile, ROOT, SERVICES } from './manifests';

/**
 * Every container and Job, in compose and in every overlay, starts with the configuration it is
 * given: its environment is fed to the service's own configuration class and module (the code its
 * process runs before serving or migrating), with NODE_ENV as given. What an operator must supply
 * (a `${VAR:?…}` in compose, a Secret in Kubernetes) stands in as a placeholder.
 */

type Env = Record<string, string>;

/** What an operator supplies for a secret or a required variable. */
function supplied(name: string): string {
  if (name === 'DATABASE_URL') return 'postgres://omni:secret@postgres:5432/omni';
  if (name === 'AUTH_PUBLIC_KEY') return '-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----';
  return 'operator-supplied-secret-0123456789';
}

/** A compose value with its `${VAR:-default}`, `${VAR:?message}` and `${VAR}` as `docker compose` would fill them for an operator who set what it requires. */
function interpolate(value: unknown): string {
  return String(value).replace(/\$\{(\w+)(?::([-?])([^}]*))?\}/g, (_, name: string, op?: string, rest?: string) =>
    op === '-' ? (rest ?? '') : supplied(name),
  );
}

/** Loads the service's configuration and builds its module from `env`, as main.js does; throws what the process would exit with. */
function start(service: string, env: Env): void {
  const src = join(ROOT, 'apps', service, 'src');
  const pascal = service[0].toUpperCase() + service.slice(1);
  // Loaded by path, as the process loads them (tools import no app).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { [`${pascal}Config`]: Config } = require(join(src, `${service}.config`));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { [`${pascal}Module`]: Module } = require(join(src, `${service}.module`));
  Module.register(loadConfig(Config, env));
}

const attempt = (service: string, env: Env): string => {
  try {
    start(service, env);
    return 'starts';
  } catch (e) {
    return (e as Error).message;
  }
};

describe('docker/compose.yaml', () => {
  const services = (parseYamlFile('docker/compose.yaml') as { services: Record<string, { environment?: Record<string, unknown> }> }).services;

  it.each(
    SERVICES.flatMap((s) => [
      [s, s],
      [s, `${s}-migrate`],
    ]),
  )('%s: %s starts with the environment it is given', (service, container) => {
    const env = Object.fromEntries(Object.entries(services[container].environment ?? {}).map(([k, v]) => [k, interpolate(v)]));
    expect(env.NODE_ENV).toBe('production');
    expect(attempt(service, env)).toBe('starts');
  });
});

describe.each(OVERLAYS)('k8s/overlays/%s', (overlay) => {
  const objects = kustomize(`k8s/overlays/${overlay}`);
  const configMaps = new Map(objects.filter((o) => o.kind === 'ConfigMap').map((o) => [o.metadata.name, (o.data ?? {}) as Env]));
  const workloads = objects.filter((o) => o.kind === 'Deployment' || (o.kind === 'Job' && o.metadata.labels?.['app.kubernetes.io/component'] === 'migration'));

  /** A container's environment: its ConfigMaps, its values, its Secrets as an operator fills them (of two optional auth keys, the public key). */
  function environmentOf(container: {
    envFrom?: { configMapRef?: { name: string } }[];
    env?: { name: string; value?: string; valueFrom?: { secretKeyRef?: { optional?: boolean } } }[];
  }): Env {
    const env: Env = {};
    for (const from of container.envFrom ?? []) Object.assign(env, configMaps.get(from.configMapRef?.name ?? '') ?? {});
    for (const e of container.env ?? []) {
      if (e.value !== undefined) env[e.name] = e.value;
      else if (e.valueFrom?.secretKeyRef && (!e.valueFrom.secretKeyRef.optional || e.name === 'AUTH_PUBLIC_KEY')) env[e.name] = supplied(e.name);
    }
    return env;
  }

  it('has a Deployment and a migration Job per service', () => {
    expect(workloads.map((w) => w.metadata.name).sort()).toEqual([...SERVICES, ...SERVICES.map((s) => `${s}-migrate`)].sort());
  });

  it.each(
    SERVICES.flatMap((s) => [
      [s, s],
      [s, `${s}-migrate`],
    ]),
  )('%s: %s starts with the environment it is given', (service, name) => {
    const workload = workloads.find((w) => w.metadata.name === name)!;
    const env = environmentOf(workload.spec.template.spec.containers[0]);
    expect(attempt(service, env)).toBe('starts');
  });
});

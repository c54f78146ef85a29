import { contractTopics, parseYamlFile, readText, SERVICES } from './manifests';

// These checks read the images' and the compose file's text; `npm run test:deploy` builds and runs them for real.

type ComposeService = {
  image?: string;
  build?: { context?: string; dockerfile?: string; args?: Record<string, string> };
  healthcheck?: { test: string[] };
  restart?: string;
  depends_on?: Record<string, { condition: string }>;
  environment?: Record<string, unknown>;
  command?: string[];
};

describe('docker/compose.yaml', () => {
  const compose = parseYamlFile('docker/compose.yaml') as { services: Record<string, ComposeService> };
  const services = compose.services;

  it('runs the four services, PostgreSQL, Kafka, a one-shot topic creation and a one-shot migration per service', () => {
    expect(Object.keys(services).sort()).toEqual([...SERVICES, ...SERVICES.map((s) => `${s}-migrate`), 'kafka', 'kafka-topics', 'postgres'].sort());
  });

  it('migrates each database with its service image (`migrate`) once PostgreSQL is healthy', () => {
    for (const name of SERVICES) {
      const m = services[`${name}-migrate`];
      expect({ name, image: m.image, service: m.build?.args?.SERVICE, command: m.command, restart: m.restart, deps: m.depends_on }).toEqual({
        name,
        image: services[name].image,
        service: name,
        command: ['migrate'],
        restart: 'no',
        deps: { postgres: { condition: 'service_healthy' } },
      });
      expect(m.environment?.DATABASE_URL).toBe(services[name].environment?.DATABASE_URL);
    }
  });

  it('gives every long-running container a healthcheck; only one-shots have none', () => {
    for (const [name, s] of Object.entries(services)) {
      const oneShot = s.restart === 'no';
      expect({ name, health: Boolean(s.healthcheck?.test?.length) || oneShot }).toEqual({ name, health: true });
    }
  });

  it('starts each service after healthy PostgreSQL and Kafka, created topics and its finished migration, with its own database', () => {
    const databases = new Set<string>();
    for (const name of SERVICES) {
      const s = services[name];
      expect({ name, deps: s.depends_on }).toEqual({
        name,
        deps: {
          postgres: { condition: 'service_healthy' },
          kafka: { condition: 'service_healthy' },
          'kafka-topics': { condition: 'service_completed_successfully' },
          [`${name}-migrate`]: { condition: 'service_completed_successfully' },
        },
      });
      expect(s.build?.args?.SERVICE).toBe(name);
      const env = s.environment ?? {};
      expect(String(env.AUTH_PUBLIC_KEY)).toMatch(/^\$\{AUTH_PUBLIC_KEY/);
      expect(String(env.DATABASE_URL)).toMatch(new RegExp(`/omni_${name}$`));
      databases.add(String(env.DATABASE_URL));
    }
    expect(databases.size).toBe(SERVICES.length);
    const init = readText('docker/initdb/01-databases.sql');
    for (const name of SERVICES) expect(init).toContain(`CREATE DATABASE omni_${name};`);
  });

  it('runs Kafka in KRaft mode with auto-creation off, and creates every topic and its .dlq', () => {
    const kafka = services.kafka;
    expect(kafka.image).toMatch(/^\$\{KAFKA_IMAGE:-apache\/kafka:\d+\.\d+\.\d+\}$/);
    expect(services['kafka-topics'].image).toBe(kafka.image);
    expect(kafka.environment?.KAFKA_PROCESS_ROLES).toBe('broker,controller');
    expect(String(kafka.environment?.KAFKA_AUTO_CREATE_TOPICS_ENABLE)).toBe('false');
    const topics = services['kafka-topics'];
    const { names, partitions } = contractTopics();
    expect(String(topics.environment?.TOPICS).split(/\s+/).sort()).toEqual([...names].sort());
    expect(Number(topics.environment?.PARTITIONS)).toBe(partitions);
    expect(topics.command?.join('\n')).toContain('"$$t.dlq"');
  });

  it('is read by docker-compose 1.x too (no top-level name) and lets every host port be moved', () => {
    const top = parseYamlFile('docker/compose.yaml') as Record<string, unknown>;
    expect(Object.keys(top)).not.toContain('name');
    for (const [name, s] of Object.entries(services)) {
      for (const p of (s as { ports?: string[] }).ports ?? [])
        expect({ name, port: p }).toEqual({ name, port: expect.stringMatching(/^\$\{[A-Z_]+_HOST_PORT:-\d+\}:\d+$/) });
    }
  });

  it("lets the images be overridden (a machine with no registry: npm run test:deploy), defaulting to the Dockerfile's Node image", () => {
    expect(services.postgres.image).toMatch(/^\$\{POSTGRES_IMAGE:-postgres:[^}]+\}$/);
    const dockerfileNode = readText('docker/Dockerfile').match(/^ARG NODE_IMAGE=(\S+)$/m)?.[1];
    for (const [name, s] of Object.entries(services).filter(([, x]) => x.build)) {
      expect({ name, node: s.build?.args?.NODE_IMAGE }).toEqual({ name, node: `\${NODE_IMAGE:-${dockerfileNode}}` });
    }
  });

  it('pins every image (no latest, no untagged)', () => {
    for (const [name, s] of Object.entries(services)) {
      // An overridable image (`${VAR:-default}`) is checked by its default.
      const image = s.image?.replace(/^\$\{\w+:-(.*)\}$/, '$1');
      if (image) expect({ name, image }).not.toEqual({ name, image: expect.stringMatching(/:latest$|^[^:]+$/) });
    }
  });
});

describe('docker/Dockerfile (read; npm run test:deploy builds it)', () => {
  const text = readText('docker/Dockerfile');
  const lines = text.split('\n').filter((l) => l.trim() !== '' && !l.trim().startsWith('#'));
  const stages = text
    .split(/^FROM /m)
    .slice(1)
    .map((s) => 'FROM ' + s);
  const runtime = stages[stages.length - 1];

  it('is multi-stage from a pinned Node 24 image', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(text).toMatch(/^ARG NODE_IMAGE=node:24\.\d+-bookworm-slim$/m);
    for (const l of lines.filter((x) => x.startsWith('FROM '))) expect(l).not.toMatch(/:latest\b/);
  });

  it('builds with tsc and keeps production dependencies only in the runtime stage', () => {
    // npm ci refuses our lock file (see scripts/lib/setup.mjs), so the image installs from it with npm install.
    expect(stages[0]).toContain('npm install --ignore-scripts');
    expect(
      stages[0]
        .split('\n')
        .filter((l) => l.startsWith('RUN '))
        .join('\n'),
    ).not.toMatch(/npm ci\b/);
    expect(stages[0]).toContain('npx tsc -p tsconfig.json');
    expect(stages[0]).toMatch(/npm prune --omit=dev/);
    expect(runtime).not.toMatch(/npm (ci|install)/);
  });

  it("passes the container's arguments to main.js, so `migrate` runs the migration command", () => {
    expect(runtime).toMatch(/^ENTRYPOINT \["sh", "-c", "exec node [^"]*main\.js \\"\$@\\"", "--"\]$/m);
    expect(runtime).not.toMatch(/^CMD /m);
  });

  it('runs as a non-root user, selects the service with ARG SERVICE, checks /health/live, stops on SIGTERM', () => {
    const user = runtime.match(/^USER\s+(\S+)/m)?.[1];
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^(root|0)(:|$)/);
    expect(runtime).toMatch(/^ARG SERVICE$/m);
    expect(runtime).toMatch(/^HEALTHCHECK .*\n?.*\/health\/live/m);
    expect(runtime).toMatch(/^STOPSIGNAL SIGTERM$/m);
    expect(runtime).toContain('exec node ${SERVICE_NODE_ARGS:-} -r ./scripts/register-paths.cjs dist/apps/${SERVICE}/src/main.js');
  });

  it('has a Dockerfile.dockerignore (BuildKit reads it next to the Dockerfile) that keeps node_modules, dist, caches and git out of the context', () => {
    const ignored = readText('docker/Dockerfile.dockerignore')
      .split('\n')
      .map((l) => l.trim());
    for (const p of ['node_modules', 'dist', '.cache', '.git']) expect(ignored).toContain(p);
  });

  it('has the same .dockerignore at the root of the context, which the legacy builder reads instead', () => {
    expect(readText('.dockerignore')).toBe(readText('docker/Dockerfile.dockerignore'));
  });

  it('needs no image to be pulled to parse it (no `# syntax=` line: BuildKit would fetch that frontend)', () => {
    expect(text).not.toMatch(/^#\s*syntax=/m);
  });
});

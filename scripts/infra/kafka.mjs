// Fetch and run a real single-node Apache Kafka broker (KRaft, combined broker+controller)
// from Kafka's own jars on Maven Central. No Docker, no Kafka distribution tarball:
// Maven copies the jars pinned in tools/kafka/pom.xml into .cache/kafka/lib and we
// start `kafka.Kafka` with plain `java`.
//
//   node scripts/infra/kafka.mjs fetch|start|stop|kill [--port N] [--controller-port N] [--data-dir DIR]
//
// Layout of a data dir (default .cache/kafka-data/<port>):
//   server.properties   written on every (re)start
//   kraft/              log.dirs: metadata log + topic data (formatted once)
//   logs/server.log     broker log (INFO), see tools/kafka/log4j.properties
//   kafka.out           JVM stdout/stderr (WARN and above, crashes)
//   kafka.pid           pid of the running broker (= its process group id)
//   start.lock          held while a process starts the broker
//
// The parts: kafka-jars.mjs (fetching the jars), kafka-config.mjs (server.properties, JVM flags,
// storage), kafka-admin.mjs (readiness and topics over kafkajs), process.mjs (shared).

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { POLL_MS, portInUse, waitReady } from './kafka-admin.mjs';
import { brokerJavaArgs, formatStorage, listenersLine, paths, serverProperties } from './kafka-config.mjs';
import { ensureKafkaJars, kafkaVersion } from './kafka-jars.mjs';
import { cliOption, commandLine, isAlive, isMain, readPid, signalGroup, sleep, waitDead, withLockFile } from './process.mjs';

export { createTopics } from './kafka-admin.mjs';
export { ensureKafkaJars } from './kafka-jars.mjs';
export { isAlive } from './process.mjs';

/** Is `pid` a live kafka.Kafka started with this data dir's server.properties (not a reused pid)? */
function isOurBroker(pid, propsFile) {
  if (!isAlive(pid)) return false;
  const line = commandLine(pid);
  if (line === null) return true; // neither /proc nor ps: best effort
  return line.includes(' kafka.Kafka ') && line.includes(` ${propsFile} `);
}

/**
 * Start (or reuse) a single-node KRaft broker and resolve once it serves requests.
 * @returns {Promise<{brokers: string, pid: number, dataDir: string, stop: () => Promise<void>, reused: boolean}>}
 */
export async function startKafka({ port = 19092, controllerPort = 19093, dataDir, cacheDir, heapMb = 512, readyTimeoutMs = 90000 } = {}) {
  const p = paths(port, dataDir);
  const brokers = `127.0.0.1:${port}`;
  const result = (pid, reused) => ({
    brokers,
    pid,
    dataDir: p.dataDir,
    reused,
    stop: () => stopKafka({ port, dataDir: p.dataDir }),
  });
  const lib = ensureKafkaJars({ cacheDir });
  fs.mkdirSync(p.log4jDir, { recursive: true });

  // The lock keeps two processes starting the same broker at once (e.g. parallel test runs)
  // from both spawning one.
  return withLockFile(
    path.join(p.dataDir, 'start.lock'),
    async () => {
      // A broker from an earlier run on this data dir: reuse it if it is ours and answers.
      const old = readPid(p.pidFile);
      if (old && isOurBroker(old, p.props)) {
        if (!fs.readFileSync(p.props, 'utf8').includes(listenersLine(port, controllerPort))) {
          throw new Error(`kafka: a broker (pid ${old}) already runs from ${p.dataDir} on other ports; stop it first`);
        }
        // Usually answers at once; give it the usual time in case it is still starting.
        await waitReady({ brokers, p, pid: old, exited: () => null, readyTimeoutMs });
        return result(old, true);
      }
      if (old) fs.rmSync(p.pidFile, { force: true }); // stale: process gone or pid reused

      for (const port_ of [port, controllerPort]) {
        if (await portInUse(port_)) throw new Error(`kafka: port ${port_} is already in use by another process`);
      }
      fs.writeFileSync(p.props, serverProperties({ port, controllerPort, logDir: p.logDir }));
      formatStorage({ lib, p });

      const out = fs.openSync(p.out, 'a');
      const child = spawn(
        'java',
        brokerJavaArgs({ lib, p, heapMb }),
        // detached = own session and process group: it outlives us, and stop signals the group.
        { detached: true, stdio: ['ignore', out, out], cwd: p.dataDir },
      );
      fs.closeSync(out);
      let exitReason = null;
      child.once('error', (e) => {
        exitReason = `spawn failed: ${e.message}`;
      });
      child.once('exit', (code, sig) => {
        exitReason = `java exited (${sig ?? `code ${code}`})`;
      });
      child.unref();
      if (!child.pid) {
        await sleep(0); // let the 'error' event arrive
        throw new Error(`kafka: cannot start java: ${exitReason ?? 'no pid'}`);
      }
      fs.writeFileSync(p.pidFile, `${child.pid}\n`);

      await waitReady({ brokers, p, pid: child.pid, exited: () => exitReason, readyTimeoutMs });
      return result(child.pid, false);
    },
    { timeoutMs: readyTimeoutMs + 10000, everyMs: POLL_MS, label: 'kafka' },
  );
}

async function endKafka({ port, dataDir, signal, timeoutMs }) {
  const p = paths(port, dataDir);
  const pid = readPid(p.pidFile);
  if (!pid || !isOurBroker(pid, p.props)) {
    fs.rmSync(p.pidFile, { force: true });
    return { pid: null, forced: false };
  }
  signalGroup(pid, signal);
  let forced = signal === 'SIGKILL';
  if (!(await waitDead(pid, timeoutMs))) {
    signalGroup(pid, 'SIGKILL');
    forced = true;
    if (!(await waitDead(pid, 10000))) throw new Error(`kafka: broker pid ${pid} survived SIGKILL`);
  }
  fs.rmSync(p.pidFile, { force: true });
  return { pid, forced };
}

/** Graceful stop: SIGTERM to the broker's process group, SIGKILL after timeoutMs. */
export function stopKafka({ port = 19092, dataDir, timeoutMs = 30000 } = {}) {
  return endKafka({ port, dataDir, signal: 'SIGTERM', timeoutMs });
}

/** Simulated crash: SIGKILL at once. A later startKafka on the same data dir recovers. */
export function killKafka({ port = 19092, dataDir, timeoutMs = 10000 } = {}) {
  return endKafka({ port, dataDir, signal: 'SIGKILL', timeoutMs });
}

// ---------------------------------------------------------------------------------------
// CLI

async function main(argv) {
  const [cmd, ...rest] = argv;
  const port = cliOption(rest, '--port') ? Number(cliOption(rest, '--port')) : 19092;
  const controllerPort = cliOption(rest, '--controller-port') ? Number(cliOption(rest, '--controller-port')) : port + 1;
  const dataDir = cliOption(rest, '--data-dir');
  const t0 = Date.now();
  const secs = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

  switch (cmd) {
    case 'fetch': {
      const lib = ensureKafkaJars();
      console.log(`kafka: ${kafkaVersion(lib)} jars in ${lib} (${secs()})`);
      break;
    }
    case 'start': {
      const k = await startKafka({ port, controllerPort, dataDir });
      const v = kafkaVersion(ensureKafkaJars());
      console.log(`kafka: ${v} ${k.reused ? 'already running' : 'started'} at ${k.brokers} (pid ${k.pid}, data ${k.dataDir}) in ${secs()}`);
      break;
    }
    case 'stop':
    case 'kill': {
      const r = await (cmd === 'stop' ? stopKafka : killKafka)({ port, dataDir });
      console.log(
        r.pid
          ? `kafka: ${cmd === 'kill' ? 'killed' : r.forced ? 'stopped (forced with SIGKILL)' : 'stopped'} broker pid ${r.pid} in ${secs()}`
          : `kafka: no broker running for port ${port}`,
      );
      break;
    }
    default:
      console.error('usage: node scripts/infra/kafka.mjs fetch|start|stop|kill [--port N] [--controller-port N] [--data-dir DIR]');
      process.exit(2);
  }
}

if (isMain(import.meta.url)) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(e.message);
    process.exit(1);
  });
}

// The embedded server as an OS process, known by the pid in its data dir's postmaster.pid: is it
// ours and alive, stopping it when it is not our child, stale pid files, the owner file.
import fs from 'node:fs';
import path from 'node:path';
import { commandLine, isAlive, readPid, waitDead } from './process.mjs';

/**
 * Nothing answers on our port. PostgreSQL itself ignores a postmaster.pid whose process is gone,
 * but refuses to start ("lock file already exists") when that pid now belongs to another process
 * of the same OS user (likely after a reboot or container restart, where pids are handed out
 * again from low numbers): remove such a file.
 */
export async function clearStalePid(dataDir, port, log) {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  const pid = readPid(pidFile);
  if (!pid || !isAlive(pid) || process.platform === 'win32') return;
  if (!isOurPostmaster(pid, dataDir)) {
    log(`PostgreSQL: removing stale ${pidFile} (pid ${pid} is now another process)`);
    fs.rmSync(pidFile, { force: true });
    return;
  }
  // Our postmaster is alive but did not answer: it is shutting down, or listens on another port.
  if (await waitDead(pid, 15_000, 200)) return;
  const itsPort = fs.readFileSync(pidFile, 'utf8').split('\n')[3];
  throw new Error(`PostgreSQL: ${dataDir} is in use by postgres pid ${pid} on port ${itsPort}, not ${port}`);
}

/** Stops the postmaster of dataDir by its pid: for a server that is not our child process. */
export async function stopByPid(dataDir, timeoutMs = 60_000) {
  const pid = livePostmaster(dataDir);
  if (!pid) return false;
  process.kill(pid, 'SIGINT'); // fast shutdown: ends sessions, writes a checkpoint, exits
  if (!(await waitDead(pid, timeoutMs))) throw new Error(`PostgreSQL: pid ${pid} did not stop within ${timeoutMs} ms`);
  return true;
}

/** The pid of dataDir's running postmaster, or null. */
export function livePostmaster(dataDir) {
  const pid = readPid(path.join(dataDir, 'postmaster.pid'));
  return pid && isAlive(pid) && isOurPostmaster(pid, dataDir) ? pid : null;
}

/** Is `pid` a postgres serving dataDir (not a reused pid)? False when that cannot be told. */
function isOurPostmaster(pid, dataDir) {
  const line = commandLine(pid);
  return line !== null && line.includes('postgres') && line.includes(` ${dataDir} `);
}

/** Removes the owner file when this process owns the server. */
export function releaseOwnership(ownerFile) {
  if (readPid(ownerFile) === process.pid) fs.rmSync(ownerFile, { force: true });
}

// The process helpers the PostgreSQL and Kafka starters share: is a pid still alive, and still the
// process we started; pid files and lock files; waiting for a process to go; signals. Only
// builtins are imported here, so any script may load it before `npm install`.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** True while the process runs (a zombie, exited and not yet reaped, counts as gone). */
export function isAlive(pid) {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return err.code === 'EPERM'; // exists, but belongs to another user
  }
  // A zombie still passes kill(0). An orphan (a postmaster whose Node died) is reaped by pid 1,
  // which can take seconds, or never in a container whose pid 1 is not an init. The state
  // follows the last ') ': the command name in parentheses may itself hold ') '.
  try {
    return fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ').pop()[0] !== 'Z';
  } catch {
    return process.platform !== 'linux'; // no /proc to ask (macOS): trust kill(0); on Linux, it has just gone
  }
}

/** The pid on the first line of `file` (a pid file, postmaster.pid, a lock), or null. */
export function readPid(file) {
  try {
    const pid = Number.parseInt(fs.readFileSync(file, 'utf8').split('\n')[0], 10);
    return pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Resolves true once `pid` is gone, false when it still runs after `timeoutMs`. */
export async function waitDead(pid, timeoutMs, everyMs = 100) {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(everyMs);
  }
  return true;
}

/** Signals the process group led by `pid` (a child spawned detached), else the process alone. */
export function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch (e) {
    if (e.code !== 'ESRCH') throw e;
    try {
      process.kill(pid, signal);
    } catch (e2) {
      if (e2.code !== 'ESRCH') throw e2;
    }
  }
}

/**
 * The command line of `pid`, each argument between spaces (` java -cp … kafka.Kafka … `), so that
 * `line.includes(` ${arg} `)` finds a whole argument; null when neither /proc nor ps can tell.
 * (-ww: a broker's java command is longer than the 80 columns ps may otherwise cut it to.)
 */
export function commandLine(pid) {
  try {
    const args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    if (args.at(-1) === '') args.pop();
    return ` ${args.join(' ')} `;
  } catch {
    try {
      return ` ${execFileSync('ps', ['-ww', '-p', String(pid), '-o', 'command='], { encoding: 'utf8' }).trim()} `;
    } catch {
      return null;
    }
  }
}

/**
 * Runs `fn` while holding `lockFile`, which holds the holder's pid: concurrent starters (two test
 * runs started by Nx) wait for each other instead of both starting a server. A lock whose holder
 * died is taken over.
 */
export async function withLockFile(lockFile, fn, { timeoutMs, everyMs = 100, label }) {
  for (const deadline = Date.now() + timeoutMs; ;) {
    try {
      fs.writeFileSync(lockFile, `${process.pid}\n`, { flag: 'wx' });
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      const holder = readPid(lockFile);
      // (Two waiters could both see the same dead holder; rare enough for a dev tool.)
      if (holder && !isAlive(holder)) fs.rmSync(lockFile, { force: true });
      else if (Date.now() > deadline) throw new Error(`${label}: ${lockFile} is held by process ${holder} after ${timeoutMs} ms`);
      else await sleep(everyMs);
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lockFile, { force: true });
  }
}

export function realpath(p) {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

/** True when the module at `moduleUrl` is the script node was started with (also through a symlink). */
export function isMain(moduleUrl) {
  return Boolean(process.argv[1]) && realpath(process.argv[1]) === realpath(fileURLToPath(moduleUrl));
}

/** The value after `--name` in a CLI's arguments, or undefined. */
export function cliOption(args, name) {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

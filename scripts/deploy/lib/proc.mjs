// Running commands and timing steps for scripts/deploy/test-deploy.mjs. Commands run
// asynchronously (never spawnSync) so that a signal arriving during a long build still reaches the
// script's cleanup handler.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Everything test:deploy keeps between runs lives here, outside any clone. */
export const CACHE_DIR = path.join(
  process.env.OMNI_CACHE_DIR ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'omni-backbone'),
  'deploy',
);
export const LOG_DIR = path.join(CACHE_DIR, 'logs');

/** The commands running now, so that an interrupted run can stop them before it cleans up. */
const running = new Set();

const clock = () => new Date().toTimeString().slice(0, 8);
export const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/**
 * Runs `cmd args`; resolves with its stdout, rejects when it exits non-zero. Output goes to the
 * console (`show`), or to `logFile` only, whose tail is shown when the command fails.
 */
export function run(cmd, args, { cwd, env = process.env, input, logFile, show = false, capture = false } = {}) {
  return new Promise((resolve, reject) => {
    const log = logFile ? fs.createWriteStream(logFile, { flags: 'a' }) : null;
    log?.write(`\n$ ${cmd} ${args.join(' ')}\n`);
    const child = spawn(cmd, args, { cwd, env, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    running.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      if (capture) stdout += d;
      if (show) process.stdout.write(d);
      log?.write(d);
    });
    child.stderr.on('data', (d) => {
      stderr += d;
      if (show) process.stderr.write(d);
      log?.write(d);
    });
    if (input !== undefined) child.stdin.end(input);
    child.once('error', (e) => reject(new Error(`cannot run ${cmd}: ${e.message}`)));
    child.once('close', (code, signal) => {
      running.delete(child);
      log?.end();
      if (code === 0) return resolve(stdout);
      const where = logFile ? `\n--- last lines of ${logFile} ---\n${tail(logFile, 40)}` : `\n${stderr.trim().split('\n').slice(-20).join('\n')}`;
      reject(new Error(`${cmd} ${args.join(' ')} failed (${signal ?? `exit ${code}`})${show ? '' : where}`));
    });
  });
}

/** SIGTERM to every command run() started that still runs (they are our own children). */
export function stopRunningCommands() {
  for (const child of running) child.kill('SIGTERM');
}

/** Like run() but only says whether the command succeeded. */
export const succeeds = (cmd, args, options) =>
  run(cmd, args, options).then(
    () => true,
    () => false,
  );

export function tail(file, lines) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` (which returns a truthy value when done) every `everyMs` until `timeoutMs`. */
export async function waitFor(what, check, { timeoutMs = 60_000, everyMs = 1000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const done = await check();
    if (done) return done;
    if (Date.now() > deadline) throw new Error(`timed out after ${seconds(timeoutMs)} waiting for ${what}`);
    await sleep(everyMs);
  }
}

/** The steps of a run, each printed with its wall-clock start and its duration, then a summary. */
export class Steps {
  constructor() {
    this.done = [];
    this.interrupted = false;
  }

  /** Once interrupted, only the clean-up steps (`always`) still run. */
  async step(name, fn, { always = false } = {}) {
    if (this.interrupted && !always) throw new Error(`interrupted before: ${name}`);
    console.log(`\n▶ [${clock()}] ${name}`);
    const started = Date.now();
    try {
      const result = await fn();
      this.record(name, Date.now() - started, typeof result === 'string' ? result : 'ok');
      console.log(`✔ [${clock()}] ${name}: ${seconds(Date.now() - started)}`);
      return result;
    } catch (e) {
      this.record(name, Date.now() - started, 'FAILED');
      throw e;
    }
  }

  record(name, ms, outcome) {
    this.done.push({ name, ms, outcome });
  }

  summary() {
    const width = Math.max(...this.done.map((s) => s.name.length), 4);
    const lines = this.done.map((s) => `  ${s.name.padEnd(width)}  ${seconds(s.ms).padStart(8)}  ${s.outcome}`);
    const total = this.done.reduce((sum, s) => sum + s.ms, 0);
    return [`  ${'step'.padEnd(width)}  ${'time'.padStart(8)}  outcome`, ...lines, `  ${'total'.padEnd(width)}  ${seconds(total).padStart(8)}`].join('\n');
  }
}

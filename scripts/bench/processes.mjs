// CPU time and memory per process of the benchmarked system, read from Linux's /proc: the four
// services (by pid), the Kafka broker, every PostgreSQL process of the server under test, and the
// benchmark client itself.
import fs from 'node:fs';

const TICK_MS = 1000 / 100; // USER_HZ is 100 on Linux

function stat(pid) {
  const s = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
  // utime + stime, and cutime + cstime: what its children that have ended and been waited for used.
  return { ppid: Number(f[1]), cpuMs: (Number(f[11]) + Number(f[12])) * TICK_MS, endedChildrenCpuMs: (Number(f[13]) + Number(f[14])) * TICK_MS };
}

function rssMiB(pid) {
  return memory(pid).rss;
}

/** VmRSS, and the part of it backed by files (RssFile), in MiB. */
function memory(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kB = (field) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) / 1024;
  return { rss: kB('VmRSS'), file: kB('RssFile') };
}

/**
 * The highest RSS each service reaches from now until the returned function is called, read from
 * /proc every `everyMs`. One reading at the end of a step lands anywhere between two garbage
 * collections (ADR 0016, twenty-second round); the peak is what a memory limit must hold. `file` is the part backed by files: mostly the node binary's pages, which every service
 * maps from the same file and each one's RSS counts again.
 */
export function rssPeaks(servicePids, everyMs = 250) {
  const peaks = {};
  const read = () => {
    for (const [name, pid] of Object.entries(servicePids())) {
      try {
        const m = pid && memory(pid);
        if (m && m.rss > (peaks[name]?.rss ?? 0)) peaks[name] = m;
      } catch {
        // ended meanwhile (a fault, a restart)
      }
    }
  };
  read();
  // unref: a step that fails does not keep the process alive.
  const timer = setInterval(read, everyMs).unref();
  return () => {
    clearInterval(timer);
    read();
    return peaks;
  };
}

/** Which processes to count: services by pid, the broker by its data dir, PostgreSQL by its postmaster pid. */
export function processGroups({ servicePids, kafkaPid, postmasterPid }) {
  return () => {
    const groups = {};
    const add = (name, pid, { withEndedChildren = false } = {}) => {
      try {
        const s = stat(pid);
        groups[name] ??= { cpuMs: 0, rssMiB: 0, pids: 0 };
        groups[name].cpuMs += s.cpuMs + (withEndedChildren ? s.endedChildrenCpuMs : 0);
        groups[name].rssMiB += rssMiB(pid);
        groups[name].pids++;
      } catch {
        // ended meanwhile
      }
    };
    for (const [name, pid] of Object.entries(servicePids())) if (pid) add(name, pid);
    if (kafkaPid) add('kafka', kafkaPid);
    if (postmasterPid) {
      // A backend that ends between two readings moves its CPU into the postmaster's children's
      // time: counting both keeps the sum from going backwards when connections close.
      add('postgres', postmasterPid, { withEndedChildren: true });
      for (const d of fs.readdirSync('/proc')) {
        if (!/^\d+$/.test(d)) continue;
        try {
          if (stat(Number(d)).ppid === postmasterPid) add('postgres', Number(d));
        } catch {
          // ended meanwhile
        }
      }
    }
    const own = process.cpuUsage();
    groups['bench client'] = { cpuMs: (own.user + own.system) / 1000, rssMiB: process.memoryUsage().rss / 1048576, pids: 1 };
    return groups;
  };
}

/** CPU spent between two snapshots, per group. */
export function cpuBetween(before, after) {
  return Object.fromEntries(Object.entries(after).map(([name, a]) => [name, a.cpuMs - (before[name]?.cpuMs ?? 0)]));
}

export const SYSTEM = ['order', 'inventory', 'returns', 'customer', 'kafka', 'postgres'];

export function postmasterPidOf(dataDir) {
  try {
    return Number(fs.readFileSync(`${dataDir}/postmaster.pid`, 'utf8').split('\n')[0]);
  } catch {
    return null;
  }
}

// What the PostgreSQL starter and its callers ask a running server over SQL: does it answer, is it
// the cluster we expect, which process serves it, and creating and dropping databases.
import path from 'node:path';
import pg from 'pg';
import { readPid, realpath, sleep } from './process.mjs';

/**
 * The server process behind `adminUrl` when it runs on this machine: its postmaster pid and, for an
 * embedded server, the pid of the process that started it (its owner file). Null when the data
 * directory cannot be read here (another machine's server, or not ours to read).
 */
export async function serverProcessOf(adminUrl) {
  return withClient(adminUrl, async (client) => {
    const dir = (await client.query('SHOW data_directory')).rows[0].data_directory;
    const pid = readPid(path.join(dir, 'postmaster.pid'));
    return pid === null ? null : { pid, owner: readPid(`${dir}.owner`) };
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

/** The error a connection attempt ends with, or null when the server answers. */
export async function connectError(url, timeoutMs) {
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
export async function ourServerAnswers(adminUrl, dataDir) {
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

/** The URL with its password hidden, for messages. */
export function redact(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '<unparseable URL>';
  }
}

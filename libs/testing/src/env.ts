import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** What the global setup started; integration tests read it from here. */
export function testInfra(): { kafkaBrokers: string; pgAdminUrl: string } {
  const kafkaBrokers = process.env.KAFKA_BROKERS;
  const pgAdminUrl = process.env.TEST_PG_ADMIN_URL;
  if (!kafkaBrokers || !pgAdminUrl) throw new Error('integration tests need the global setup (jest --selectProjects integration)');
  return { kafkaBrokers, pgAdminUrl };
}

export function databaseUrl(adminUrl: string, name: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A new, empty database for one test stack (on the shared server unless `pgAdminUrl` names another); its name says which service and run it belongs to. */
export async function freshDatabase(service: string, pgAdminUrl: string = testInfra().pgAdminUrl): Promise<string> {
  const name = `t_${service}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: pgAdminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return databaseUrl(pgAdminUrl, name);
}

/** Runs one query against a service's database (assertions on rows). */
export async function sql<T = Record<string, unknown>>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text, params)).rows as T[];
  } finally {
    await c.end();
  }
}

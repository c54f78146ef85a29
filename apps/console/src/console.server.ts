import fs from 'node:fs';
import http, { IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';

/** The services the console speaks to, by the name its API paths use: /api/<service>/… */
export type ConsoleService = 'order' | 'inventory' | 'returns' | 'customer';

export interface ConsoleOptions {
  /** Where each service answers, e.g. http://127.0.0.1:3001. */
  readonly services: Readonly<Record<ConsoleService, string>>;
  /**
   * Signs a store token for the associate who signs in (the identity provider of a real store).
   * `npm start` and the tests sign with their development keys.
   */
  readonly mint: (claims: Record<string, unknown>, options?: { ttlSeconds?: number }) => Promise<string>;
  /**
   * The associates who are supervisors, per store: they may step up to lift a locked pickup.
   * The stand-in for the store's directory; in production the identity provider says who is.
   */
  readonly supervisors?: (storeId: string) => readonly string[];
  readonly port?: number;
  readonly host?: string;
}

export interface RunningConsole {
  readonly url: string;
  close(): Promise<void>;
}

/** The repository: the nearest folder up with nx.json (run from src/ or from dist/). */
function repoRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'nx.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no repository above ${from}`);
  }
}
const REPO = repoRoot(__dirname);
const WEB = path.join(REPO, 'apps/console/web');
/** The page's script: app.ts and the modules it imports, one per screen and what they share. */
export const SCRIPT_MODULES = ['app', 'shared', 'counter', 'returns', 'customers', 'figures'];
/** What the browser may load, and from where: the page, its style, its script and the client. */
const FILES: Record<string, { file: string; type: string; typescript?: true }> = {
  '/': { file: path.join(WEB, 'public/index.html'), type: 'text/html; charset=utf-8' },
  '/console.css': { file: path.join(WEB, 'public/console.css'), type: 'text/css; charset=utf-8' },
  ...Object.fromEntries(
    SCRIPT_MODULES.map((m) => [`/${m}.js`, { file: path.join(WEB, `${m}.ts`), type: 'text/javascript; charset=utf-8', typescript: true as const }]),
  ),
  '/vendor/openapi-fetch.js': { file: path.join(REPO, 'node_modules/openapi-fetch/dist/index.mjs'), type: 'text/javascript; charset=utf-8' },
};
const SERVICES: readonly ConsoleService[] = ['order', 'inventory', 'returns', 'customer'];
/** Request headers passed on to a service; nothing else of the browser's reaches it. */
const FORWARDED = ['authorization', 'content-type', 'idempotency-key', 'accept', 'prefer'];
const STORE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const ASSOCIATE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** What a store associate's token may do from the console. */
const CONSOLE_SCOPES = 'store:operate orders:read kpis:read customers:read';
/** What a supervisor's step-up token may do: the supervised acts, for five minutes, never kept by the page. */
const SUPERVISOR_SCOPES = 'store:operate store:supervise';
const SUPERVISOR_TTL_SECONDS = 300;
const MAX_BODY = 100_000;

/**
 * The store operations console (docs/console.md): a static page and its script, served with a
 * proxy to the four services' public APIs (one origin for the browser: no CORS to open on the
 * services) and a sign-in that gives the associate a store token. It adds no API of its own.
 */
export async function startConsole(o: ConsoleOptions): Promise<RunningConsole> {
  const compiled = new Map<string, { mtimeMs: number; text: string }>();
  const server = http.createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (e instanceof BodyTooLarge) {
        // The rest of the body is not read: the connection ends with the answer.
        res.setHeader('connection', 'close');
        return problem(res, 413, 'REQUEST.TOO_LARGE', e.message);
      }
      problem(res, 502, 'CONSOLE.UPSTREAM', e instanceof Error ? e.message : String(e));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://console');
    const api = /^\/api\/([a-z]+)(\/.*)$/.exec(url.pathname);
    if (api) return proxy(req, res, api[1] as ConsoleService, api[2] + url.search);
    if (url.pathname === '/session' && req.method === 'POST') return signIn(req, res);
    if (url.pathname === '/session/supervisor' && req.method === 'POST') return stepUp(req, res);
    const file = FILES[url.pathname];
    if (!file || req.method !== 'GET') return problem(res, 404, 'CONSOLE.NOT_FOUND', `no ${req.method} ${url.pathname}`);
    res.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' });
    res.end(file.typescript ? browserScript(file.file) : fs.readFileSync(file.file));
  }

  /** The browser script, compiled from TypeScript when it changed (types are checked by the tests). */
  function browserScript(file: string): string {
    const mtimeMs = fs.statSync(file).mtimeMs;
    const cached = compiled.get(file);
    if (cached?.mtimeMs === mtimeMs) return cached.text;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const ts = require('typescript') as typeof import('typescript');
    const out = ts.transpileModule(fs.readFileSync(file, 'utf8'), {
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ES2022 },
      fileName: file,
    });
    compiled.set(file, { mtimeMs, text: out.outputText });
    return out.outputText;
  }

  /**
   * The store and the person signing in (`who`: associateId or supervisorId), read from the body;
   * null when one breaks its rule, the 400 naming it already sent.
   */
  async function identity(
    req: IncomingMessage,
    res: ServerResponse,
    who: 'associateId' | 'supervisorId',
  ): Promise<{ storeId: string; personId: string } | null> {
    const body = await jsonBody(req);
    const storeId = typeof body?.storeId === 'string' ? body.storeId.trim() : '';
    const personId = typeof body?.[who] === 'string' ? (body[who] as string).trim() : '';
    const errors = [
      ...(STORE_ID.test(storeId) ? [] : [{ field: 'storeId', rule: 'matches', message: 'storeId must be 1-64 letters, digits, _ or -' }]),
      ...(ASSOCIATE_ID.test(personId) ? [] : [{ field: who, rule: 'matches', message: `${who} must be 1-64 letters, digits, ., _ or -` }]),
    ];
    if (errors.length === 0) return { storeId, personId };
    problem(res, 400, 'REQUEST.INVALID', errors.map((e) => e.message).join('; '), errors);
    return null;
  }

  async function signIn(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const who = await identity(req, res, 'associateId');
    if (!who) return;
    const { storeId, personId: associateId } = who;
    const token = await o.mint({
      sub: `console:${storeId}:${associateId}`,
      channel: 'pos',
      store_id: storeId,
      associate_id: associateId,
      scope: CONSOLE_SCOPES,
    });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ token, storeId, associateId }));
  }

  /** A supervisor at the counter steps up for one supervised act: a short-lived token with store:supervise. */
  async function stepUp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const who = await identity(req, res, 'supervisorId');
    if (!who) return;
    const { storeId, personId: supervisorId } = who;
    if (!(o.supervisors?.(storeId) ?? []).includes(supervisorId))
      return problem(res, 403, 'CONSOLE.NOT_SUPERVISOR', `${supervisorId} is not a supervisor of store ${storeId}`);
    const claims = { sub: `console:${storeId}:${supervisorId}`, channel: 'pos', store_id: storeId, associate_id: supervisorId, scope: SUPERVISOR_SCOPES };
    const token = await o.mint(claims, { ttlSeconds: SUPERVISOR_TTL_SECONDS });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ token, storeId, supervisorId, expiresInSeconds: SUPERVISOR_TTL_SECONDS }));
  }

  async function proxy(req: IncomingMessage, res: ServerResponse, service: ConsoleService, pathAndQuery: string): Promise<void> {
    if (!SERVICES.includes(service)) return problem(res, 404, 'CONSOLE.NOT_FOUND', `no service ${service}`);
    const headers: Record<string, string> = {};
    for (const h of FORWARDED) if (typeof req.headers[h] === 'string') headers[h] = req.headers[h] as string;
    const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : await rawBody(req);
    const answer = await fetch(`${o.services[service]}${pathAndQuery}`, { method: req.method, headers, body });
    const out: Record<string, string> = {};
    for (const h of ['content-type', 'location', 'retry-after', 'idempotent-replayed']) {
      const v = answer.headers.get(h);
      if (v) out[h] = v;
    }
    res.writeHead(answer.status, out);
    res.end(Buffer.from(await answer.arrayBuffer()));
  }

  await new Promise<void>((resolve) => server.listen(o.port ?? 0, o.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${o.host ?? '127.0.0.1'}:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function problem(res: ServerResponse, status: number, code: string, detail: string, errors?: unknown[]): void {
  if (res.headersSent) return void res.end();
  res.writeHead(status, { 'content-type': 'application/problem+json' });
  res.end(JSON.stringify({ type: `urn:problem:${code}`, title: http.STATUS_CODES[status], status, detail, code, ...(errors ? { errors } : {}) }));
}

/** A body over MAX_BODY: refused with 413, as the services refuse it, not sent on. */
class BodyTooLarge extends Error {}

async function rawBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > MAX_BODY) throw new BodyTooLarge('the body is larger than 100 kB');
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks);
}

async function jsonBody(req: IncomingMessage): Promise<Record<string, unknown> | null> {
  const raw = await rawBody(req);
  try {
    const parsed: unknown = JSON.parse(raw.toString('utf8'));
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

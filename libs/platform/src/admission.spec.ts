import { once } from 'node:events';
import { createServer, get, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { admissionMiddleware, leaveAdmission } from './admission';

describe('admissionMiddleware (load shedding)', () => {
  let server: Server;
  let base: string;
  /** Requests the handler holds until released. */
  const held: (() => void)[] = [];

  async function listen(limit: number): Promise<void> {
    const admit = admissionMiddleware(limit);
    server = createServer((req, res) =>
      admit(req, res, () => {
        if (req.url!.startsWith('/slow')) held.push(() => res.end('done'));
        else if (req.url!.startsWith('/stream')) {
          // An open stream that does no work: it leaves the count, and stays open until released.
          leaveAdmission(res);
          leaveAdmission(res);
          res.writeHead(200, { 'content-type': 'text/event-stream' });
          held.push(() => res.end('done'));
        } else res.end('done');
      }),
    );
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  const send = (path: string) =>
    new Promise<{ status: number; headers: IncomingMessage['headers']; body: string }>((resolve, reject) => {
      get(`${base}${path}`, { agent: false }, (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      }).on('error', reject);
    });
  const untilHeld = async (n: number) => {
    while (held.length < n) await new Promise((r) => setImmediate(r));
  };

  afterEach(async () => {
    held.splice(0).forEach((release) => release());
    server.closeAllConnections();
    server.close();
  });

  it('refuses the request over the limit at once with 503 problem+json and Retry-After, and admits again when one ends', async () => {
    await listen(2);
    const slow = [send('/slow/1'), send('/slow/2')];
    await untilHeld(2);

    const refused = await send('/orders');
    expect(refused.status).toBe(503);
    expect(refused.headers['retry-after']).toBe('1');
    expect(refused.headers['content-type']).toBe('application/problem+json');
    expect(JSON.parse(refused.body)).toMatchObject({ status: 503, code: 'SERVICE.OVERLOADED', type: 'urn:problem:SERVICE.OVERLOADED' });

    held.shift()!();
    expect((await slow[0]).status).toBe(200);
    expect((await send('/orders')).status).toBe(200);
  });

  it('does not count open streams that left it: they never shed the requests that work, and leaving twice counts once', async () => {
    await listen(1);
    const streams = [send('/stream/1'), send('/stream/2'), send('/stream/3')];
    await untilHeld(3);
    const slow = send('/slow');
    await untilHeld(4);
    expect((await send('/orders')).status).toBe(503);
    held.splice(0).forEach((release) => release());
    expect((await Promise.all([...streams, slow])).map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect((await send('/orders')).status).toBe(200);
  });

  it('always answers health probes and metric scrapes', async () => {
    await listen(1);
    const slow = send('/slow');
    await untilHeld(1);
    expect((await send('/health/ready')).status).toBe(200);
    expect((await send('/metrics')).status).toBe(200);
    expect((await send('/healthy-looking-route')).status).toBe(503);
    held.shift()!();
    await slow;
  });

  it('counts a request whose caller went away as ended', async () => {
    await listen(1);
    const aborted = new Promise<void>((resolve) => {
      const req = get(`${base}/slow`, { agent: false });
      req.on('error', () => resolve());
      void untilHeld(1).then(() => req.destroy());
    });
    await aborted;
    // The server sees the socket close; the slot is free again.
    let status = 0;
    while (status !== 200) {
      status = (await send('/orders')).status;
      if (status !== 200) await new Promise((r) => setImmediate(r));
    }
    expect(status).toBe(200);
  });

  it('admits everything with limit 0', async () => {
    await listen(0);
    const slow = [send('/slow/1'), send('/slow/2'), send('/slow/3')];
    await untilHeld(3);
    expect((await send('/orders')).status).toBe(200);
    held.splice(0).forEach((release) => release());
    expect((await Promise.all(slow)).map((r) => r.status)).toEqual([200, 200, 200]);
  });
});

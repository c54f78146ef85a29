import { Body, Controller, HttpCode, HttpStatus, INestApplication, InternalServerErrorException, Post } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import {
  currentIdempotencyKey,
  IdempotencyCommitted1700000210000,
  IdempotencyInterceptor,
  IdempotencyKeys1700000000100,
  IdempotencyLocation1700000220000,
  KeyTakenWithEffects,
  ProblemException,
  ProblemFilter,
  RequestKeyTaken,
  takeKeysWithEffects,
} from '../src';
import { eventually, http, migratedDatabase, sql } from '@omni/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

/** What the endpoints below did, so tests can count executions and hold one open. */
const calls = { flaky: 0, refuse: 0, slow: 0, effect: 0 };
let releaseSlow: () => void = () => undefined;
/** The database of the test, for the endpoint that writes an effect. */
let dataSource: DataSource;
/** The next call of `effect` fails with a 5xx before it writes. */
let failNextEffect = false;

@Controller()
class ProbeController {
  @Post('flaky')
  @HttpCode(HttpStatus.OK)
  flaky(@Body() body: Record<string, unknown>) {
    calls.flaky += 1;
    if (calls.flaky === 1) throw new InternalServerErrorException('the database went away');
    return { executions: calls.flaky, body };
  }

  @Post('refuse')
  refuse() {
    calls.refuse += 1;
    throw new ProblemException(HttpStatus.CONFLICT, 'PROBE.REFUSED', 'no');
  }

  /** Writes one row and takes its key in the same transaction, as the outbox does for a placement. */
  @Post('effect')
  @KeyTakenWithEffects()
  async effect(@Body() body: { note: string; refuse?: boolean; failAfter?: boolean }) {
    calls.effect += 1;
    if (failNextEffect) {
      failNextEffect = false;
      throw new InternalServerErrorException('the database went away');
    }
    if (body.refuse) throw new ProblemException(HttpStatus.CONFLICT, 'PROBE.REFUSED', 'no');
    const id = randomUUID();
    await dataSource.transaction(async (m) => {
      await m.query(`INSERT INTO effects (id, note) VALUES ($1, $2)`, [id, body.note]);
      if (!(await takeKeysWithEffects(m, [currentIdempotencyKey()]))[0]) throw new RequestKeyTaken();
    });
    if (body.failAfter) throw new InternalServerErrorException('the outcome could not be read');
    return { id };
  }

  @Post('slow')
  async slow() {
    calls.slow += 1;
    await new Promise<void>((r) => (releaseSlow = r));
    return { executions: calls.slow };
  }
}

/**
 * The Idempotency-Key interceptor on a bare Nest app over real PostgreSQL: what the services'
 * endpoints cannot show on demand — a 5xx that releases the key, a request still running.
 */
describe('Idempotency-Key', () => {
  let app: INestApplication;
  let db: string;
  let interceptor: IdempotencyInterceptor;
  let url: string;
  const post = (path: string, key: string, body: unknown = { a: 1 }) => http('POST', `${url}/${path}`, body, { 'idempotency-key': key }, { token: null });

  beforeAll(async () => {
    ({ url: db, dataSource } = await migratedDatabase('platform', {
      migrations: [IdempotencyKeys1700000000100, IdempotencyCommitted1700000210000, IdempotencyLocation1700000220000],
    }));
    await dataSource.query(`CREATE TABLE effects (id uuid PRIMARY KEY, note text NOT NULL)`);
    interceptor = new IdempotencyInterceptor(dataSource, 1);
    const module = await Test.createTestingModule({
      controllers: [ProbeController],
      providers: [{ provide: APP_INTERCEPTOR, useValue: interceptor }],
    }).compile();
    app = module.createNestApplication({ logger: false });
    app.useGlobalFilters(new ProblemFilter());
    await app.listen(0, '127.0.0.1');
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });
  afterAll(async () => {
    releaseSlow();
    await app?.close();
    await dataSource?.destroy();
  });

  it('releases the key after a 5xx, so the retry executes; later retries replay that answer', async () => {
    const key = randomUUID();
    expect((await post('flaky', key)).status).toBe(500);
    expect(await sql(db, 'SELECT count(*)::int AS n FROM idempotency_keys WHERE key = $1', [key])).toEqual([{ n: 0 }]);
    const retry = await post('flaky', key);
    expect(retry.status).toBe(200);
    expect(retry.body.executions).toBe(2);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    const again = await post('flaky', key);
    expect(again.body).toEqual(retry.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(calls.flaky).toBe(2);
  });

  it('remembers a 4xx like a success and answers it again as problem+json', async () => {
    const key = randomUUID();
    const first = await post('refuse', key);
    const second = await post('refuse', key);
    expect([first.status, second.status]).toEqual([409, 409]);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('content-type')).toContain('application/problem+json');
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(calls.refuse).toBe(1);
  });

  it('makes a request with the key of a running one wait for its answer, and refuses with 409 after 10 s', async () => {
    const key = randomUUID();
    const first = post('slow', key);
    await eventually(() => expect(calls.slow).toBe(1));
    const waiting = post('slow', key);
    releaseSlow();
    const [a, b] = await Promise.all([first, waiting]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body).toEqual(a.body);
    expect(calls.slow).toBe(1);

    const held = randomUUID();
    const running = post('slow', held);
    await eventually(() => expect(calls.slow).toBe(2));
    const started = Date.now();
    const refused = await post('slow', held);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('IDEMPOTENCY.IN_PROGRESS');
    expect(Date.now() - started).toBeGreaterThanOrEqual(9_000);
    releaseSlow();
    expect((await running).status).toBe(201);
  });

  it('answers an executed request even while its answer cannot be recorded (the database restarting), and keeps it once it can', async () => {
    // The first two attempts to record an answer fail as PostgreSQL does while it starts up (57P03);
    // a sequence counts them, outside the transactions the failures roll back.
    await sql(
      db,
      `CREATE SEQUENCE answer_attempts;
       CREATE FUNCTION fail_answers() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF NEW.status_code IS NOT NULL AND nextval('answer_attempts') <= 2 THEN
           RAISE EXCEPTION 'the database system is starting up' USING ERRCODE = '57P03';
         END IF;
         RETURN NEW;
       END $$;
       CREATE TRIGGER fail_answers BEFORE UPDATE ON idempotency_keys FOR EACH ROW EXECUTE FUNCTION fail_answers()`,
    );
    try {
      const key = randomUUID();
      const before = calls.slow;
      const first = post('slow', key);
      await eventually(() => expect(calls.slow).toBe(before + 1));
      releaseSlow();
      const answered = await first;
      expect([answered.status, answered.body]).toEqual([201, { executions: before + 1 }]);
      expect(await sql(db, 'SELECT last_value::int AS attempts FROM answer_attempts')).toEqual([{ attempts: 3 }]);
      const again = await post('slow', key);
      expect([again.status, again.body, again.headers.get('idempotent-replayed')]).toEqual([201, answered.body, 'true']);
      expect(calls.slow).toBe(before + 1);
    } finally {
      await sql(db, 'DROP TRIGGER fail_answers ON idempotency_keys; DROP FUNCTION fail_answers(); DROP SEQUENCE answer_attempts');
    }
  });

  describe('on a route that takes its key with its effects', () => {
    const effects = (note: string) => sql(db, 'SELECT id FROM effects WHERE note = $1', [note]);
    const keyRow = (key: string) => sql(db, 'SELECT committed_at IS NOT NULL AS committed, status_code FROM idempotency_keys WHERE key = $1', [key]);

    it('commits the key with the effect; a retry is answered again and the effect stays one', async () => {
      const key = randomUUID();
      const note = randomUUID();
      const first = await post('effect', key, { note });
      expect(first.status).toBe(201);
      expect(await keyRow(key)).toEqual([{ committed: true, status_code: 201 }]);
      const again = await post('effect', key, { note });
      expect([again.status, again.body, again.headers.get('idempotent-replayed')]).toEqual([201, first.body, 'true']);
      expect(await effects(note)).toEqual([{ id: first.body.id }]);
    });

    it('refuses the key with another body (422) and writes nothing for it', async () => {
      const key = randomUUID();
      const note = randomUUID();
      expect((await post('effect', key, { note })).status).toBe(201);
      const other = randomUUID();
      const reused = await post('effect', key, { note: other });
      expect([reused.status, reused.body.code]).toEqual([422, 'IDEMPOTENCY.KEY_REUSED']);
      expect(await effects(other)).toEqual([]);
    });

    it('gives concurrent requests with one key one effect and one answer', async () => {
      const key = randomUUID();
      const note = randomUUID();
      const answers = await Promise.all(Array.from({ length: 6 }, () => post('effect', key, { note })));
      expect(answers.map((a) => a.status)).toEqual(Array(6).fill(201));
      const [written] = await effects(note);
      expect(new Set(answers.map((a) => a.body.id))).toEqual(new Set([(written as { id: string }).id]));
      expect(await effects(note)).toHaveLength(1);
    });

    it('keeps a 4xx as the key answer, replayed as problem+json', async () => {
      const key = randomUUID();
      const first = await post('effect', key, { note: 'refused', refuse: true });
      expect(await keyRow(key)).toEqual([{ committed: false, status_code: 409 }]);
      const second = await post('effect', key, { note: 'refused', refuse: true });
      expect([second.status, second.body, second.headers.get('idempotent-replayed')]).toEqual([409, first.body, 'true']);
      expect(second.headers.get('content-type')).toContain('application/problem+json');
    });

    it('answers a retry that fails with 5xx from the answer its key keeps, and leaves no key for a 5xx of its own', async () => {
      const key = randomUUID();
      const note = randomUUID();
      const first = await post('effect', key, { note });
      failNextEffect = true;
      const retried = await post('effect', key, { note });
      expect([retried.status, retried.body, retried.headers.get('idempotent-replayed')]).toEqual([201, first.body, 'true']);

      const fresh = randomUUID();
      failNextEffect = true;
      expect((await post('effect', fresh, { note: fresh })).status).toBe(500);
      expect(await keyRow(fresh)).toEqual([]);
      expect((await post('effect', fresh, { note: fresh })).status).toBe(201);
      expect(await effects(fresh)).toHaveLength(1);
    });

    it('answers a 5xx that comes after its own effects committed as that 5xx, at once, and keeps the key committed', async () => {
      const key = randomUUID();
      const note = randomUUID();
      const failed = await post('effect', key, { note, failAfter: true });
      expect([failed.status, failed.headers.get('idempotent-replayed')]).toEqual([500, null]);
      expect(await keyRow(key)).toEqual([{ committed: true, status_code: null }]);
      expect(await effects(note)).toHaveLength(1);
    });

    it('takes a key once in a transaction: of two requests with one key written together, the first; a key taken before, or none, is held', async () => {
      const untaken = { hash: 'h', ttlHours: 1 };
      const ref = (key: string) => ({ caller: 'c', method: 'POST', route: '/effect', key, untaken });
      const [a, b] = [randomUUID(), randomUUID()];
      const held = await dataSource.transaction(async (m) => {
        const first = await takeKeysWithEffects(m, [ref(a), ref(a), null, { ...ref(b), untaken: undefined }]);
        return [...first, ...(await takeKeysWithEffects(m, [ref(a)]))];
      });
      expect(held).toEqual([true, false, true, true, true]);
      expect(await dataSource.transaction((m) => takeKeysWithEffects(m, [ref(a), ref(b)]))).toEqual([false, true]);
    });
  });

  it('deletes expired keys', async () => {
    const key = randomUUID();
    await post('refuse', key);
    await sql(db, `UPDATE idempotency_keys SET expires_at = now() - interval '1 second' WHERE key = $1`, [key]);
    expect(await interceptor.deleteExpired()).toBeGreaterThanOrEqual(1);
    expect(await sql(db, 'SELECT count(*)::int AS n FROM idempotency_keys WHERE key = $1', [key])).toEqual([{ n: 0 }]);
  });
});

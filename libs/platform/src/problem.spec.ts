import { ArgumentsHost } from '@nestjs/common';
import { DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';
import { ProblemFilter } from './problem';

/** What the filter writes for `exception` on an HTTP request. */
function answer(exception: unknown): { status: number; type: string; body: Record<string, unknown>; headers: Record<string, string> } {
  // A Node response, as the filter writes it (it no longer uses Express's helpers).
  const written = { statusCode: 0, headers: {} as Record<string, string | number>, text: '' };
  const res = {
    set statusCode(s: number) {
      written.statusCode = s;
    },
    setHeader: (name: string, value: string | number) => ((written.headers[name] = value), res),
    end: (text: string) => ((written.text = text), res),
  };
  const host = { getType: () => 'http', switchToHttp: () => ({ getResponse: () => res }) } as unknown as ArgumentsHost;
  new ProblemFilter().catch(exception, host);
  const { 'Content-Type': type, 'Content-Length': length, ...headers } = written.headers;
  expect(length).toBe(Buffer.byteLength(written.text));
  return { status: written.statusCode, type: String(type), body: JSON.parse(written.text), headers: headers as Record<string, string> };
}

/** body-parser's errors are http-errors: a status, `expose: true`, and a type. */
const bodyParserError = (status: number, message: string, type: string) =>
  Object.assign(new Error(message), { status, statusCode: status, expose: true, type });

describe('ProblemFilter', () => {
  it('answers a body over the limit with 413 REQUEST.TOO_LARGE, not 500', () => {
    expect(answer(bodyParserError(413, 'request entity too large', 'entity.too.large'))).toEqual({
      status: 413,
      type: 'application/problem+json; charset=utf-8',
      headers: {},
      body: expect.objectContaining({ status: 413, code: 'REQUEST.TOO_LARGE' }),
    });
  });

  it('answers a body that is not JSON with 400 REQUEST.MALFORMED', () => {
    expect(answer(bodyParserError(400, 'Unexpected token } in JSON', 'entity.parse.failed'))).toMatchObject({
      status: 400,
      body: { code: 'REQUEST.MALFORMED' },
    });
  });

  it('keeps an unexpected error a bare 500, even when it carries a status it may not expose', () => {
    expect(answer(Object.assign(new Error('db down'), { status: 400 }))).toMatchObject({
      status: 500,
      body: { code: 'INTERNAL', detail: 'an unexpected error occurred' },
    });
  });

  it('answers a database out of reach with 503 DATABASE.UNAVAILABLE and Retry-After: refused sockets, a server shutting down or out of connections', () => {
    const shuttingDown = Object.assign(new DatabaseError('terminating connection due to administrator command', 0, 'error'), { code: '57P01' });
    const tooMany = Object.assign(new DatabaseError('sorry, too many clients already', 0, 'error'), { code: '53300' });
    for (const e of [
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      new QueryFailedError('INSERT INTO orders', [], shuttingDown),
      tooMany,
    ]) {
      expect(answer(e)).toEqual({
        status: 503,
        type: 'application/problem+json; charset=utf-8',
        headers: { 'Retry-After': '2' },
        body: expect.objectContaining({ status: 503, code: 'DATABASE.UNAVAILABLE' }),
      });
    }
  });

  it('keeps a statement the database refuses (a constraint) a bare 500, not a 503 to retry', () => {
    const violation = new QueryFailedError(
      'UPDATE stock',
      [],
      Object.assign(new DatabaseError('new row violates check constraint', 0, 'error'), { code: '23514' }),
    );
    expect(answer(violation)).toMatchObject({ status: 500, headers: {}, body: { code: 'INTERNAL' } });
  });
});

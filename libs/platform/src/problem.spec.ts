import { ArgumentsHost } from '@nestjs/common';
import { ProblemFilter } from './problem';

/** What the filter writes for `exception` on an HTTP request. */
function answer(exception: unknown): { status: number; type: string; body: Record<string, unknown> } {
  const out = { status: 0, type: '', body: {} as Record<string, unknown> };
  const res = {
    status: (s: number) => ((out.status = s), res),
    type: (t: string) => ((out.type = t), res),
    json: (b: Record<string, unknown>) => ((out.body = b), res),
  };
  const host = { getType: () => 'http', switchToHttp: () => ({ getResponse: () => res }) } as unknown as ArgumentsHost;
  new ProblemFilter().catch(exception, host);
  return out;
}

/** body-parser's errors are http-errors: a status, `expose: true`, and a type. */
const bodyParserError = (status: number, message: string, type: string) => Object.assign(new Error(message), { status, statusCode: status, expose: true, type });

describe('ProblemFilter', () => {
  it('answers a body over the limit with 413 REQUEST.TOO_LARGE, not 500', () => {
    expect(answer(bodyParserError(413, 'request entity too large', 'entity.too.large'))).toEqual({
      status: 413,
      type: 'application/problem+json',
      body: expect.objectContaining({ status: 413, code: 'REQUEST.TOO_LARGE' }),
    });
  });

  it('answers a body that is not JSON with 400 REQUEST.MALFORMED', () => {
    expect(answer(bodyParserError(400, 'Unexpected token } in JSON', 'entity.parse.failed'))).toMatchObject({ status: 400, body: { code: 'REQUEST.MALFORMED' } });
  });

  it('keeps an unexpected error a bare 500, even when it carries a status it may not expose', () => {
    expect(answer(Object.assign(new Error('db down'), { status: 400 }))).toMatchObject({ status: 500, body: { code: 'INTERNAL', detail: 'an unexpected error occurred' } });
  });
});

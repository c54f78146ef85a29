import { HttpStatus } from '@nestjs/common';
import { DECORATORS } from '@nestjs/swagger';
import { forbidden, unauthenticated } from './auth';
import { ApiProblems, PlatformProblems, problemsFrom } from './openapi';
import { bodyParserProblem, PLATFORM_REFUSAL_STATUS } from './problem';

const SHOP_REFUSAL_STATUS = {
  'SHOP.NOT_FOUND': HttpStatus.NOT_FOUND,
  'SHOP.CLOSED': HttpStatus.CONFLICT,
  'SHOP.FULL': HttpStatus.CONFLICT,
  'SHOP.TOO_LATE': HttpStatus.UNPROCESSABLE_ENTITY,
  'REFUND.NO_ACCOUNT': HttpStatus.UNPROCESSABLE_ENTITY,
  'REFUND.METHOD_REQUIRED': HttpStatus.UNPROCESSABLE_ENTITY,
} as const;
const ShopProblems = problemsFrom(SHOP_REFUSAL_STATUS);

/** The error responses a decorator declares on a method: status → description. */
function declared(decorator: MethodDecorator): Record<string, string> {
  class Probe {
    handle(): void {}
  }
  const descriptor = Object.getOwnPropertyDescriptor(Probe.prototype, 'handle') as PropertyDescriptor;
  decorator(Probe.prototype, 'handle', descriptor);
  const responses = Reflect.getMetadata(DECORATORS.API_RESPONSE, descriptor.value) as Record<string, { description: string; content: unknown }>;
  for (const r of Object.values(responses)) expect(r.content).toEqual({ 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } });
  return Object.fromEntries(Object.entries(responses).map(([status, r]) => [status, r.description]));
}

describe('problemsFrom', () => {
  it('takes the status from the map and names the codes after the description', () => {
    expect(declared(ShopProblems(['SHOP.NOT_FOUND', 'No such shop'], [['SHOP.CLOSED', 'SHOP.FULL'], 'Closed or full']))).toEqual({
      404: 'No such shop (SHOP.NOT_FOUND)',
      409: 'Closed or full (SHOP.CLOSED, SHOP.FULL)',
    });
  });

  it('knows the platform codes, and a bare status keeps its generic description', () => {
    expect(declared(ShopProblems(400, ['AUTH.FORBIDDEN', 'Another store'], ['IDEMPOTENCY.KEY_REUSED', 'Key used before']))).toEqual({
      ...declared(ApiProblems(400)),
      403: 'Another store (AUTH.FORBIDDEN)',
      422: 'Key used before (IDEMPOTENCY.KEY_REUSED)',
    });
    expect(declared(PlatformProblems(['REQUEST.INVALID', 'from breaks its rule']))).toEqual({ 400: 'from breaks its rule (REQUEST.INVALID)' });
  });

  it('keeps a description that names each of its codes itself, a wildcard naming every code of its namespace', () => {
    const text = 'Too late (SHOP.TOO_LATE), or no refund method (REFUND.*)';
    expect(declared(ShopProblems([['SHOP.TOO_LATE', 'REFUND.NO_ACCOUNT', 'REFUND.METHOD_REQUIRED'], text]))).toEqual({ 422: text });
  });

  it('refuses an entry whose codes have different statuses', () => {
    expect(() => ShopProblems([['SHOP.NOT_FOUND', 'SHOP.CLOSED'], 'Gone or closed'])).toThrow(
      'error response "Gone or closed" mixes statuses: SHOP.NOT_FOUND is 404, SHOP.CLOSED is 409; declare one entry per status',
    );
  });

  it('refuses a description that names some of its codes but not all, or one it does not list', () => {
    expect(() => ShopProblems([['SHOP.CLOSED', 'SHOP.FULL'], 'Closed (SHOP.CLOSED) or full'])).toThrow(/lists SHOP\.FULL without naming it/);
    expect(() => ShopProblems(['SHOP.CLOSED', 'Closed (SHOP.CLOSED) or full (SHOP.FULL)'])).toThrow(/names SHOP\.FULL without listing it/);
  });

  it('refuses a code without a status, and maps that disagree on one', () => {
    expect(() => ShopProblems(['SHOP.UNKNOWN' as never, 'Who knows'])).toThrow('error response "Who knows": no status is mapped for SHOP.UNKNOWN');
    expect(() => ShopProblems([[], 'Nothing'])).toThrow(/lists no refusal code/);
    expect(() => problemsFrom(SHOP_REFUSAL_STATUS, { 'SHOP.FULL': HttpStatus.UNPROCESSABLE_ENTITY })).toThrow(
      'refusal code SHOP.FULL is mapped to both 409 and 422',
    );
    expect(() => problemsFrom({ 'AUTH.FORBIDDEN': HttpStatus.NOT_FOUND })).toThrow('refusal code AUTH.FORBIDDEN is mapped to both 403 and 404');
  });

  it('has the platform codes at the status the platform answers them with', () => {
    expect(forbidden('x').getStatus()).toBe(PLATFORM_REFUSAL_STATUS['AUTH.FORBIDDEN']);
    expect(unauthenticated('x').getStatus()).toBe(PLATFORM_REFUSAL_STATUS['AUTH.UNAUTHENTICATED']);
    for (const type of ['entity.too.large', 'entity.parse.failed', 'encoding.unsupported']) {
      const p = bodyParserProblem({ type });
      expect(p?.status).toBe(PLATFORM_REFUSAL_STATUS[p?.code as keyof typeof PLATFORM_REFUSAL_STATUS]);
    }
  });
});

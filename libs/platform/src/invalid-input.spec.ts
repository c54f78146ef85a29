import { HttpStatus } from '@nestjs/common';
import { assertId, invalidField, invalidInput, uuidParam } from './invalid-input';
import { Problem, ProblemException } from './problem';

const problemOf = (e: unknown): Problem => {
  expect(e).toBeInstanceOf(ProblemException);
  return (e as ProblemException).getResponse() as Problem;
};

const thrownBy = async (fn: () => unknown): Promise<Problem> => {
  try {
    await fn();
  } catch (e) {
    return problemOf(e);
  }
  throw new Error('nothing was thrown');
};

describe('bad input a controller checks itself', () => {
  it('is a 400 REQUEST.INVALID naming every field and rule, the detail listing their messages', () => {
    const p = problemOf(
      invalidInput([
        { field: 'prices.0.currency', rule: 'isCurrency', message: 'currency must be ISO 4217' },
        { field: 'prices.1.unitPrice', rule: 'min', message: 'unitPrice must not be less than 0' },
      ]),
    );
    expect(p).toMatchObject({ status: HttpStatus.BAD_REQUEST, code: 'REQUEST.INVALID', type: 'urn:problem:REQUEST.INVALID', title: 'BAD_REQUEST' });
    expect(p.detail).toBe('currency must be ISO 4217; unitPrice must not be less than 0');
    expect(p.errors?.map((e) => `${e.field}:${e.rule}`)).toEqual(['prices.0.currency:isCurrency', 'prices.1.unitPrice:min']);
  });

  it('says one field and rule, with a detail of its own when given', () => {
    expect(problemOf(invalidField('status', 'isIn', 'status must be FAILED'))).toMatchObject({
      detail: 'status must be FAILED',
      errors: [{ field: 'status', rule: 'isIn', message: 'status must be FAILED' }],
    });
    expect(problemOf(invalidField('lines', 'unique', 'each line once', 'lines: a line is listed twice'))).toMatchObject({
      detail: 'lines: a line is listed twice',
      errors: [{ field: 'lines', rule: 'unique', message: 'each line once' }],
    });
  });

  it('refuses a value that is not an id, naming its field, and lets an id through', async () => {
    expect(() => assertId('storeId', 'PARIS-01')).not.toThrow();
    const p = await thrownBy(() => assertId('storeId', 'PARIS 01'));
    expect(p).toMatchObject({
      code: 'REQUEST.INVALID',
      errors: [{ field: 'storeId', rule: 'matches', message: 'storeId must be 1-64 letters, digits, dot, dash or underscore' }],
    });
    await expect(thrownBy(() => assertId('storeId', 'x'.repeat(65)))).resolves.toMatchObject({ errors: [{ field: 'storeId' }] });
  });

  it('refuses a path parameter that is not a UUID, naming the parameter (not Nest\'s anonymous "uuid is expected")', async () => {
    const pipe = uuidParam('orderId');
    const id = '3f1c2a9e-5b7d-4c1e-9a2b-6d8e0f1a2b3c';
    await expect(pipe.transform(id, { type: 'param', data: 'orderId' })).resolves.toBe(id);
    const p = await thrownBy(() => pipe.transform('not-a-uuid', { type: 'param', data: 'orderId' }));
    expect(p).toMatchObject({
      status: 400,
      code: 'REQUEST.INVALID',
      detail: 'orderId: must be a UUID',
      errors: [{ field: 'orderId', rule: 'isUuid', message: 'orderId must be a UUID' }],
    });
  });
});

import { ArgumentMetadata } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsString, Min } from 'class-validator';
import { ProblemException, requestValidationPipe } from '../problem';
import { NestedArray, NestedObject, Optional } from './decorators';
import { MAX_BODY_DEPTH, requestShapeProblems } from './request-shape';

class LineDto {
  @IsString() sku: string;
  @IsInt() @Min(1) quantity: number;
}
class ContactDto {
  @Optional() @IsString() email?: string;
}
class BodyDto {
  @NestedArray(() => LineDto) lines: LineDto[];
  @Optional() @NestedObject(() => ContactDto) contact?: ContactDto;
  @Optional() @IsString() reason?: string;
  @Optional({ nullable: true }) @IsString() homeStoreId?: string | null;
  // Documented nullable: the annotation alone decides, above or below the decorator.
  @ApiPropertyOptional({ type: String, nullable: true }) @Optional() @IsString() validFrom?: string | null;
  @Optional() @IsString() @ApiPropertyOptional({ type: String, nullable: true }) validUntil?: string | null;
  @ApiPropertyOptional({ type: String }) @Optional() @IsString() note?: string;
}

const metadata: ArgumentMetadata = { type: 'body', metatype: BodyDto };
const line = { sku: 'SKU-1', quantity: 2 };

/** The field and rule of each failure the pipe reports for `body`, or 'accepted'. */
async function verdict(body: unknown): Promise<{ field: string; rule: string }[] | 'accepted'> {
  try {
    await requestValidationPipe().transform(body, metadata);
    return 'accepted';
  } catch (e) {
    if (!(e instanceof ProblemException)) throw e;
    return (e.getResponse() as { errors: { field: string; rule: string }[] }).errors.map(({ field, rule }) => ({ field, rule }));
  }
}

describe('request validation: nested arrays and objects', () => {
  it('accepts a well-formed body', async () => {
    expect(await verdict({ lines: [line], contact: { email: 'a@b.c' }, reason: 'x', homeStoreId: null })).toBe('accepted');
  });

  it('refuses an array inside an array of objects, naming its position', async () => {
    expect(await verdict({ lines: [line, [line]] })).toEqual([{ field: 'lines.1', rule: 'objectElements' }]);
  });

  it.each([
    ['a string', 'SKU-1'],
    ['null', null],
    ['a number', 7],
  ])('refuses %s as an element of an array of objects', async (_what, element) => {
    // class-validator's own nested check names these too; an array in the array is the one it let through.
    expect(await verdict({ lines: [element] })).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'lines.0' })]));
  });

  it('refuses an array where one object is expected', async () => {
    expect(await verdict({ lines: [line], contact: [{ email: 'a@b.c' }] })).toEqual(expect.arrayContaining([{ field: 'contact', rule: 'isObject' }]));
  });

  it('still validates the elements themselves', async () => {
    expect(await verdict({ lines: [{ sku: 'SKU-1', quantity: 0 }] })).toEqual([{ field: 'lines.0.quantity', rule: 'min' }]);
  });
});

describe('request validation: null is not absent', () => {
  it('takes null for a field its OpenAPI annotation calls nullable, and refuses it where the annotation does not', async () => {
    expect(await verdict({ lines: [line], validFrom: null, validUntil: null })).toBe('accepted');
    expect(await verdict({ lines: [line], validFrom: 7 })).toEqual([{ field: 'validFrom', rule: 'isString' }]);
    expect(await verdict({ lines: [line], note: null })).toEqual([{ field: 'note', rule: 'isString' }]);
  });

  it('refuses null for an optional field that is not nullable', async () => {
    expect(await verdict({ lines: [line], reason: null })).toEqual([{ field: 'reason', rule: 'isString' }]);
  });

  it('refuses null for an optional nested object', async () => {
    expect(await verdict({ lines: [line], contact: null })).toEqual(expect.arrayContaining([{ field: 'contact', rule: 'isObject' }]));
  });

  it('accepts null for a field declared nullable, and an absent optional field', async () => {
    expect(await verdict({ lines: [line], homeStoreId: null })).toBe('accepted');
    expect(await verdict({ lines: [line] })).toBe('accepted');
  });
});

describe('requestShapeProblems', () => {
  const nested = (levels: number): unknown => {
    let v: unknown = 1;
    for (let i = 0; i < levels; i++) v = { a: v };
    return v;
  };

  it('finds nothing wrong in an ordinary body', () => {
    expect(requestShapeProblems({ lines: [line], contact: { email: 'é 🛒 ü' }, latitude: 48.85, big: Number.MAX_SAFE_INTEGER })).toEqual([]);
  });

  it(`accepts ${MAX_BODY_DEPTH} levels and refuses one more`, () => {
    expect(requestShapeProblems(nested(MAX_BODY_DEPTH))).toEqual([]);
    expect(requestShapeProblems(nested(MAX_BODY_DEPTH + 1))).toEqual([expect.objectContaining({ rule: 'maxDepth' })]);
  });

  it('refuses 100,000 levels without overflowing the stack', () => {
    const deep = JSON.parse('{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000));
    expect(requestShapeProblems(deep)).toEqual([expect.objectContaining({ rule: 'maxDepth' })]);
    const deepArrays = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000));
    expect(requestShapeProblems(deepArrays)).toEqual([expect.objectContaining({ rule: 'maxDepth' })]);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses the key %s at any depth, naming its path', (key) => {
    const body = JSON.parse(`{"lines":[{"sku":"A","${key}":{"polluted":true}}]}`);
    expect(requestShapeProblems(body)).toEqual([{ field: `lines.0.${key}`, rule: 'prototypeKey', message: expect.any(String) }]);
  });

  it.each([2 ** 53, -(2 ** 53), 1e308, -1e21])('refuses the number %d, beyond the safe integers', (n) => {
    expect(requestShapeProblems({ lines: [{ quantity: n }] })).toEqual([{ field: 'lines.0.quantity', rule: 'safeNumber', message: expect.any(String) }]);
  });

  it('refuses U+0000 and lone surrogates in values and keys', () => {
    const problems = requestShapeProblems(JSON.parse('{"a":"x\\u0000y","b":"\\ud800","c\\u0000":1}'));
    expect(problems.map(({ field, rule }) => ({ field, rule }))).toEqual([
      { field: 'c\u0000', rule: 'noNulCharacter' },
      { field: 'a', rule: 'noNulCharacter' },
      { field: 'b', rule: 'wellFormedUnicode' },
    ]);
  });

  it('reports at most 20 problems however many there are', () => {
    expect(requestShapeProblems(Array.from({ length: 10_000 }, () => 1e300))).toHaveLength(20);
  });
});

import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsString, Matches, registerDecorator, ValidateIf, ValidateNested, ValidationOptions } from 'class-validator';
import { REFERENCE_PATTERN, REFERENCE_REGEX } from '../ids';

/** The rule named in a 400 when an element of an array of objects is not an object (e.g. an array in an array). */
export const OBJECT_ELEMENTS_RULE = 'objectElements';
/** The rule named in a 400 when a single nested object is not an object. */
export const OBJECT_RULE = 'isObject';

const isObjectValue = (v: unknown): boolean => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Where @nestjs/swagger keeps a property's ApiProperty options. */
const API_MODEL_PROPERTIES = 'swagger/apiModelProperties';

/** Whether the field's OpenAPI annotation (ApiProperty / ApiPropertyOptional) says `nullable: true`. */
function documentedNullable(target: object, property: string | symbol): boolean {
  return (Reflect.getMetadata(API_MODEL_PROPERTIES, target, property) as { nullable?: boolean } | undefined)?.nullable === true;
}

/**
 * A field that may be left out. Unlike class-validator's IsOptional, `null` is not "left out": it is
 * validated, so the type rules refuse it, unless the field's OpenAPI annotation says
 * `nullable: true` — one source for the document and the runtime, so they cannot disagree
 * (`nullable: true` here says so explicitly, for a field without an annotation). Every DTO uses
 * this, never IsOptional (lint rule).
 */
export function Optional(options: { nullable?: boolean } = {}): PropertyDecorator {
  return (target, property) => {
    // Read when a request is validated: the annotation may be applied after this decorator.
    const nullable = () => options.nullable ?? documentedNullable(target, property);
    ValidateIf((_o, v) => v !== undefined && !(v === null && nullable()))(target, property);
  };
}

/**
 * Checks the raw value, before class-transformer can turn an array into an instance: an object,
 * or (each) an array whose every element is one.
 */
function objects(each: boolean, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: each ? OBJECT_ELEMENTS_RULE : OBJECT_RULE,
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: each ? ({ property }) => `each element of ${property} must be an object` : ({ property }) => `${property} must be an object`,
        ...options,
      },
      validator: { validate: (v: unknown) => (each ? !Array.isArray(v) || v.every(isObjectValue) : isObjectValue(v)) },
    });
}

/**
 * A nested object validated against `type`. An array, a string or any other non-object is refused
 * (class-validator's ValidateNested alone accepts an array and validates its elements instead).
 */
export function NestedObject(type: () => new () => object): PropertyDecorator {
  return applyDecorators(objects(false), ValidateNested(), Type(type));
}

/**
 * An array of objects each validated against `type`. An element that is not an object (an array in
 * the array, a string, null) is refused and named by its position (`lines.0`); ValidateNested alone
 * descends into an inner array and lets class-transformer store what it makes of it.
 */
export function NestedArray(type: () => new () => object): PropertyDecorator {
  return applyDecorators(IsArray(), objects(true), ValidateNested({ each: true }), Type(type));
}

/** A caller's reference (REFERENCE_PATTERN), documented and checked from the one pattern; a 400 names the field. */
export function Reference(description: string, example: string): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ description, example, pattern: REFERENCE_PATTERN }),
    IsString(),
    Matches(REFERENCE_REGEX, { message: ({ property }) => `${property} must be 1-64 letters, digits, dot, colon, dash or underscore` }),
  );
}

/** Positions of the elements of `value` that are not objects: what an OBJECT_ELEMENTS_RULE failure names. */
export function nonObjectPositions(value: unknown): number[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((v, i) => (isObjectValue(v) ? [] : [i]));
}

import { ParseUUIDPipe } from '@nestjs/common';
import { ID_REGEX } from './ids';
import { FieldProblem, platformProblem, ProblemException } from './problem';

/**
 * Bad input that a controller checks itself (a path parameter, a rule across fields): 400
 * REQUEST.INVALID naming every failed rule, as the validation pipe answers for a body. The detail
 * lists the rules' messages unless one is given.
 */
export function invalidInput(errors: FieldProblem[], detail = errors.map((e) => e.message).join('; ')): ProblemException {
  return platformProblem('REQUEST.INVALID', detail, errors);
}

/** One field broke one rule. */
export function invalidField(field: string, rule: string, message: string, detail = message): ProblemException {
  return invalidInput([{ field, rule, message }], detail);
}

/** What an id (ID_PATTERN) must be, as a refusal says it. */
export const idRuleMessage = (field: string): string => `${field} must be 1-64 letters, digits, dot, dash or underscore`;

/** Refuses a value that is not an id (ID_PATTERN), naming its field. */
export function assertId(field: string, value: string): void {
  if (!ID_REGEX.test(value)) throw invalidField(field, 'matches', idRuleMessage(field));
}

/** A path parameter that must be a UUID: a bad one is refused naming the parameter and the rule. */
export const uuidParam = (name: string): ParseUUIDPipe =>
  new ParseUUIDPipe({ exceptionFactory: () => invalidField(name, 'isUuid', `${name} must be a UUID`, `${name}: must be a UUID`) });

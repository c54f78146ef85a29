import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '@omni/platform';
import { ProfileRefusal } from '../domain/profile';

export type CustomerRefusal = ProfileRefusal | 'TIMELINE.REBUILD_RUNNING';

function statusOf(code: CustomerRefusal): HttpStatus {
  switch (code) {
    case 'CUSTOMER.NOT_FOUND':
      return HttpStatus.NOT_FOUND;
    case 'CUSTOMER.MERGED':
    case 'CUSTOMER.ERASED':
    case 'TIMELINE.REBUILD_RUNNING':
      return HttpStatus.CONFLICT;
    case 'CUSTOMER.SAME_PROFILE':
      return HttpStatus.UNPROCESSABLE_ENTITY;
    default: {
      // A new refusal code that is not mapped here does not compile.
      const unmapped: never = code;
      throw new Error(`unmapped refusal ${String(unmapped)}`);
    }
  }
}

/** The one place where the customer service's refusal codes become HTTP problems. */
export function customerProblem(code: CustomerRefusal, detail?: string): ProblemException {
  return new ProblemException(statusOf(code), code, detail ?? code);
}

/** A request that breaks a rule across fields (which lookup key): 400 naming the fields. */
export function invalidRequest(fields: string[], rule: string, message: string): ProblemException {
  return new ProblemException(HttpStatus.BAD_REQUEST, 'REQUEST.INVALID', message, fields.map((field) => ({ field, rule, message })));
}

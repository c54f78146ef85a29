import { HttpStatus } from '@nestjs/common';
import { invalidInput, problemsFrom, ProblemException } from '@omni/platform';
import { ProfileRefusal } from '../domain/profile';

export type CustomerRefusal = ProfileRefusal | 'TIMELINE.REBUILD_RUNNING';

/** Each refusal code's HTTP status; a new refusal code without one does not compile. */
export const CUSTOMER_REFUSAL_STATUS = {
  'CUSTOMER.NOT_FOUND': HttpStatus.NOT_FOUND,
  'CUSTOMER.MERGED': HttpStatus.CONFLICT,
  'CUSTOMER.ERASED': HttpStatus.CONFLICT,
  'TIMELINE.REBUILD_RUNNING': HttpStatus.CONFLICT,
  'CUSTOMER.SAME_PROFILE': HttpStatus.UNPROCESSABLE_ENTITY,
} as const satisfies Record<CustomerRefusal, HttpStatus>;

/** An operation's error responses by refusal code, with the status the code is answered with. */
export const CustomerProblems = problemsFrom(CUSTOMER_REFUSAL_STATUS);

/** The one place where the customer service's refusal codes become HTTP problems. */
export function customerProblem(code: CustomerRefusal, detail?: string): ProblemException {
  return new ProblemException(CUSTOMER_REFUSAL_STATUS[code], code, detail ?? code);
}

/** A request that breaks a rule across fields (which lookup key): 400 naming the fields. */
export function invalidRequest(fields: string[], rule: string, message: string): ProblemException {
  return invalidInput(
    fields.map((field) => ({ field, rule, message })),
    message,
  );
}

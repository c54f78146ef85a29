import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '@omni/platform';
import { OrderActionRefusal } from '../application/act-on-order.use-case';

function statusOf(code: OrderActionRefusal): HttpStatus {
  switch (code) {
    case 'ORDER.NOT_FOUND':
      return HttpStatus.NOT_FOUND;
    case 'ORDER.WRONG_STORE':
      return HttpStatus.FORBIDDEN;
    case 'ORDER.INVALID_TRANSITION':
    case 'PICKUP.LOCKED':
      return HttpStatus.CONFLICT;
    case 'PICKUP.CODE_INVALID':
    case 'PICK.UNKNOWN_LINE':
    case 'PICK.QUANTITY_EXCEEDED':
      return HttpStatus.UNPROCESSABLE_ENTITY;
    default: {
      // A new refusal code that is not mapped here does not compile.
      const unmapped: never = code;
      throw new Error(`unmapped refusal ${String(unmapped)}`);
    }
  }
}

/** The one place where the order service's refusal codes become HTTP problems. */
export function orderProblem(code: OrderActionRefusal, detail?: string): ProblemException {
  return new ProblemException(statusOf(code), code, detail ?? code);
}

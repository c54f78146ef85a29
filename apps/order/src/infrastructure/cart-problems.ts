import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '@omni/platform';
import { CartRefusal } from '../domain/cart';

function statusOf(code: CartRefusal): HttpStatus {
  switch (code) {
    case 'CART.NOT_FOUND':
      return HttpStatus.NOT_FOUND;
    case 'CART.NOT_YOURS':
      return HttpStatus.FORBIDDEN;
    case 'CART.NOT_OPEN':
    case 'CART.NOT_A_GUEST_CART':
    case 'CART.PRICE_CHANGED':
      return HttpStatus.CONFLICT;
    case 'CART.EMPTY':
    case 'CART.CURRENCY_MISMATCH':
    case 'CART.HANDOFF_INVALID':
      return HttpStatus.UNPROCESSABLE_ENTITY;
    default: {
      const unmapped: never = code;
      throw new Error(`unmapped refusal ${String(unmapped)}`);
    }
  }
}

/** The one place where cart refusal codes become HTTP problems. */
export function cartProblem(code: CartRefusal, detail: string): ProblemException {
  return new ProblemException(statusOf(code), code, detail);
}

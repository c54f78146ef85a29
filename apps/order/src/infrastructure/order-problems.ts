import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '@omni/platform';
import { OrderActionRefusal } from '../application/act-on-order.use-case';
import { PaymentRequestRefusal } from '../application/payment-requests.use-case';
import { PreorderRefusal } from '../application/place-order.use-case';
import { PlacementRefusal } from '../domain/order';
import { PriceRefusal } from '@omni/contracts';

type Refusal = OrderActionRefusal | PlacementRefusal | PreorderRefusal | PriceRefusal | PaymentRequestRefusal;

function statusOf(code: Refusal): HttpStatus {
  switch (code) {
    case 'ORDER.NOT_FOUND':
    case 'FULFILMENT.NOT_FOUND':
    case 'PAYMENT_REQUEST.NOT_FOUND':
      return HttpStatus.NOT_FOUND;
    case 'ORDER.WRONG_STORE':
      return HttpStatus.FORBIDDEN;
    case 'PAYMENT_REQUEST.NOT_FAILED':
    case 'ORDER.INVALID_TRANSITION':
    case 'PICKUP.LOCKED':
    case 'PICKUP.NOT_LOCKED':
    case 'FULFILMENT.AMBIGUOUS':
    case 'FULFILMENT.NOT_A_DELIVERY':
    case 'PREORDER.STORE_CAP_REACHED':
    case 'PREORDER.CUSTOMER_CAP_REACHED':
      return HttpStatus.CONFLICT;
    case 'PICKUP.CODE_INVALID':
    case 'PICK.UNKNOWN_LINE':
    case 'PICK.QUANTITY_EXCEEDED':
    case 'ORDER.TENDER_MISMATCH':
    case 'ORDER.PICKUP_STORE_REPEATED':
    case 'PREORDER.NOT_A_PREORDER':
    case 'PREORDER.WINDOW_CLOSED':
    case 'PREORDER.NEEDS_CUSTOMER':
    case 'PICKUP.IDENTITY_UNVERIFIABLE':
    case 'PICKUP.IDENTITY_MISMATCH':
    case 'PRICE.NOT_LISTED':
    case 'PRICE.MISMATCH':
      return HttpStatus.UNPROCESSABLE_ENTITY;
    default: {
      // A new refusal code that is not mapped here does not compile.
      const unmapped: never = code;
      throw new Error(`unmapped refusal ${String(unmapped)}`);
    }
  }
}

/** The one place where the order service's refusal codes become HTTP problems. */
export function orderProblem(code: Refusal, detail?: string): ProblemException {
  return new ProblemException(statusOf(code), code, detail ?? code);
}

import { UUID_PATTERN } from '@omni/contracts';
import { HttpStatus } from '@nestjs/common';
import { FieldProblem, idRuleMessage, invalidInput, ProblemException, ID_REGEX, problemsFrom } from '@omni/platform';

/** Every refusal the inventory HTTP API can answer with. */
export type InventoryErrorCode =
  | 'LOCATION.NOT_FOUND'
  | 'STOCK.BELOW_RESERVED'
  | 'TRANSFER.NOT_FOUND'
  | 'TRANSFER.INVALID_TRANSITION'
  | 'SUPPLY.NOT_FOUND'
  | 'SUPPLY.NOT_EXPECTED'
  | 'SUPPLY.OVER_RECEIVED';

/** Each refusal code's HTTP status; a new code without one does not compile. */
export const INVENTORY_REFUSAL_STATUS = {
  'LOCATION.NOT_FOUND': HttpStatus.NOT_FOUND,
  'TRANSFER.NOT_FOUND': HttpStatus.NOT_FOUND,
  'SUPPLY.NOT_FOUND': HttpStatus.NOT_FOUND,
  'STOCK.BELOW_RESERVED': HttpStatus.CONFLICT,
  'TRANSFER.INVALID_TRANSITION': HttpStatus.CONFLICT,
  'SUPPLY.NOT_EXPECTED': HttpStatus.CONFLICT,
  'SUPPLY.OVER_RECEIVED': HttpStatus.UNPROCESSABLE_ENTITY,
} as const satisfies Record<InventoryErrorCode, HttpStatus>;

/** An operation's error responses by refusal code, with the status the code is answered with. */
export const InventoryProblems = problemsFrom(INVENTORY_REFUSAL_STATUS);

const DEFAULT_DETAIL: Record<InventoryErrorCode, string> = {
  'LOCATION.NOT_FOUND': 'no such location',
  'TRANSFER.NOT_FOUND': 'no such transfer',
  'SUPPLY.NOT_FOUND': 'no such supply',
  'STOCK.BELOW_RESERVED': 'on hand cannot drop below reserved units',
  'TRANSFER.INVALID_TRANSITION': 'the transfer is not in a state that allows this',
  'SUPPLY.NOT_EXPECTED': 'the supply was received or cancelled already',
  'SUPPLY.OVER_RECEIVED': 'more units than the supply announced',
};

/** The one place codes become HTTP problems. */
export function problemFor(code: InventoryErrorCode, detail?: string): ProblemException {
  return new ProblemException(INVENTORY_REFUSAL_STATUS[code], code, detail ?? DEFAULT_DETAIL[code]);
}

/** Path and query values are checked like bodies: every failed rule named, in one 400. */
export function checkParams(values: Record<string, string>, kind: 'id' | 'uuid' = 'id'): void {
  const errors: FieldProblem[] = Object.entries(values)
    .filter(([, v]) => !(kind === 'id' ? ID_REGEX : UUID_PATTERN).test(v))
    .map(([field]) => ({
      field,
      rule: kind === 'id' ? 'matches' : 'isUuid',
      message: kind === 'id' ? idRuleMessage(field) : `${field} must be a UUID`,
    }));
  if (errors.length > 0) throw invalidInput(errors);
}

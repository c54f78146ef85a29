import { UUID_PATTERN } from '@omni/contracts';
import { HttpStatus } from '@nestjs/common';
import { FieldProblem, ProblemException, ID_REGEX } from '@omni/platform';

/** Every refusal the inventory HTTP API can answer with. */
export type InventoryErrorCode = 'LOCATION.NOT_FOUND' | 'STOCK.BELOW_RESERVED' | 'TRANSFER.NOT_FOUND' | 'TRANSFER.INVALID_TRANSITION' | 'SUPPLY.NOT_FOUND' | 'SUPPLY.NOT_EXPECTED' | 'SUPPLY.OVER_RECEIVED';

/** The one place codes become HTTP statuses; the switch is exhaustive, so a new code cannot go unmapped. */
export function problemFor(code: InventoryErrorCode, detail?: string): ProblemException {
  switch (code) {
    case 'LOCATION.NOT_FOUND':
      return new ProblemException(HttpStatus.NOT_FOUND, code, detail ?? 'no such location');
    case 'TRANSFER.NOT_FOUND':
      return new ProblemException(HttpStatus.NOT_FOUND, code, detail ?? 'no such transfer');
    case 'STOCK.BELOW_RESERVED':
      return new ProblemException(HttpStatus.CONFLICT, code, detail ?? 'on hand cannot drop below reserved units');
    case 'TRANSFER.INVALID_TRANSITION':
      return new ProblemException(HttpStatus.CONFLICT, code, detail ?? 'the transfer is not in a state that allows this');
    case 'SUPPLY.NOT_FOUND':
      return new ProblemException(HttpStatus.NOT_FOUND, code, detail ?? 'no such supply');
    case 'SUPPLY.NOT_EXPECTED':
      return new ProblemException(HttpStatus.CONFLICT, code, detail ?? 'the supply was received or cancelled already');
    case 'SUPPLY.OVER_RECEIVED':
      return new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, code, detail ?? 'more units than the supply announced');
  }
}


/** Path and query values are checked like bodies: every failed rule named, in one 400. */
export function checkParams(values: Record<string, string>, kind: 'id' | 'uuid' = 'id'): void {
  const errors: FieldProblem[] = Object.entries(values)
    .filter(([, v]) => !(kind === 'id' ? ID_REGEX : UUID_PATTERN).test(v))
    .map(([field]) => ({
      field,
      rule: kind === 'id' ? 'matches' : 'isUuid',
      message: kind === 'id' ? `${field} must be 1-64 letters, digits, dot, dash or underscore` : `${field} must be a UUID`,
    }));
  if (errors.length > 0) throw badRequest(errors);
}

export function badRequest(errors: FieldProblem[]): ProblemException {
  return new ProblemException(HttpStatus.BAD_REQUEST, 'REQUEST.INVALID', errors.map((e) => e.message).join('; '), errors);
}

import { DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './database-unavailable';

/** An error as node-postgres raises it for a server answer with this SQLSTATE. */
function pgError(code: string, message: string): DatabaseError {
  const e = new DatabaseError(message, message.length, 'error');
  e.code = code;
  return e;
}
const socketError = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['57P03', 'the database system is not yet accepting connections'],
    ['57P03', 'the database system is shutting down'],
    ['57P01', 'terminating connection due to administrator command'],
    ['57P02', 'terminating connection because of crash of another server process'],
    ['53300', 'sorry, too many clients already'],
    ['08006', 'connection failure'],
  ])('a server answer %s (%s): the database is out of reach, not the event at fault', (code, message) => {
    expect(isDatabaseUnavailable(pgError(code, message))).toBe(true);
    // As TypeORM rethrows it from a query.
    expect(isDatabaseUnavailable(new QueryFailedError('SELECT 1', [], pgError(code, message)))).toBe(true);
  });

  it.each(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT'])('a socket error %s', (code) => {
    expect(isDatabaseUnavailable(socketError(code))).toBe(true);
  });

  it('a connection dropped or not had in time by node-postgres', () => {
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
  });

  it('is false for errors of the statement or the event: those are retried a few times, then dead-lettered', () => {
    expect(isDatabaseUnavailable(pgError('23505', 'duplicate key value violates unique constraint'))).toBe(false);
    expect(isDatabaseUnavailable(pgError('40P01', 'deadlock detected'))).toBe(false);
    expect(isDatabaseUnavailable(new QueryFailedError('UPDATE stock', [], pgError('23514', 'new row violates check constraint')))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('no order'), { code: 'ORDER.NOT_FOUND' }))).toBe(false); // a consumer's permanent error
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined (reading 'lines')"))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});

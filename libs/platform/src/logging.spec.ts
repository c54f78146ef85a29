import type { IncomingMessage, ServerResponse } from 'node:http';
import { requestLogLevel } from './logging';

const answered = (statusCode: number) => ({ statusCode }) as ServerResponse;
const req = {} as IncomingMessage;

describe('requestLogLevel', () => {
  it('writes an answered request at debug, so that a busy service writes no line per request at info', () => {
    expect(requestLogLevel(req, answered(200))).toBe('debug');
    expect(requestLogLevel(req, answered(201))).toBe('debug');
    expect(requestLogLevel(req, answered(304))).toBe('debug');
  });

  it('writes a refusal at info (a 503 too: shed under load, or a dependency down) and a failure at error', () => {
    expect(requestLogLevel(req, answered(400))).toBe('info');
    expect(requestLogLevel(req, answered(429))).toBe('info');
    expect(requestLogLevel(req, answered(503))).toBe('info');
    expect(requestLogLevel(req, answered(500))).toBe('error');
    expect(requestLogLevel(req, answered(200), new Error('socket hang up'))).toBe('error');
  });
});

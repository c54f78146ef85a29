/**
 * Where services read the time. Business deadlines live in the database; this only says what
 * "now" is when they are compared. Tests move time by starting a service with CLOCK_OFFSET_MS,
 * which production configuration refuses.
 */
export class Clock {
  constructor(private readonly offsetMs: number = 0) {}

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
}

export function clockFrom(config: { NODE_ENV: string; CLOCK_OFFSET_MS: number }): Clock {
  if (config.NODE_ENV === 'production' && config.CLOCK_OFFSET_MS !== 0) {
    throw new Error('CLOCK_OFFSET_MS is for tests and refused in production');
  }
  return new Clock(config.CLOCK_OFFSET_MS);
}

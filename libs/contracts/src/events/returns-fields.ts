import { uuid } from './common';

// Schema fragments the returns service's events share (returns.events.ts, store-credit.events.ts).

export const returnId = { ...uuid, description: 'the return (or exchange)' };

import { JsonSchema } from '../define-event';

export const CHANNELS = ['web', 'app', 'pos', 'call-centre', 'marketplace'] as const;
export type Channel = (typeof CHANNELS)[number];

export const uuid: JsonSchema = { type: 'string', format: 'uuid' };
export const dateTime: JsonSchema = { type: 'string', format: 'date-time' };
export const sku: JsonSchema = { type: 'string', minLength: 1, maxLength: 64, description: 'stock keeping unit' };
export const locationId: JsonSchema = { type: 'string', minLength: 1, maxLength: 64, description: 'store or warehouse id' };
export const quantity: JsonSchema = { type: 'integer', minimum: 1, maximum: 10000 };
export const channel: JsonSchema = { type: 'string', enum: [...CHANNELS], description: 'sales channel' };

export const money: JsonSchema = { type: 'integer', minimum: 0, maximum: 100_000_000, description: 'amount in minor units of the currency (cents)' };
export const currency: JsonSchema = { type: 'string', pattern: '^[A-Z]{3}$', description: 'ISO 4217 currency code' };
export const lineId: JsonSchema = { type: 'string', format: 'uuid', description: 'order line id' };
export const nullableDateTime: JsonSchema = { type: ['string', 'null'], format: 'date-time' };
export const UNASSIGNED_LOCATION = 'UNASSIGNED';

/** A non-empty string of at most `max` characters. */
export const text = (max: number, description?: string) => ({ type: 'string', minLength: 1, maxLength: max, ...(description ? { description } : {}) });

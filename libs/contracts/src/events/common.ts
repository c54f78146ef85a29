import { JsonSchema } from '../define-event';

export const CHANNELS = ['web', 'app', 'pos', 'call-centre', 'marketplace'] as const;
export type Channel = (typeof CHANNELS)[number];

export const uuid: JsonSchema = { type: 'string', format: 'uuid' };
export const dateTime: JsonSchema = { type: 'string', format: 'date-time' };
export const sku: JsonSchema = { type: 'string', minLength: 1, maxLength: 64, description: 'stock keeping unit' };
export const locationId: JsonSchema = { type: 'string', minLength: 1, maxLength: 64, description: 'store or warehouse id' };
export const quantity: JsonSchema = { type: 'integer', minimum: 1, maximum: 10000 };
export const channel: JsonSchema = { type: 'string', enum: [...CHANNELS], description: 'sales channel' };

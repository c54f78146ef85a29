import { ApiProperty } from '@nestjs/swagger';
import { ID_PATTERN } from '@omni/platform';

// Response shapes of the inventory API, for its OpenAPI document (no runtime role).

const ID = { type: String, pattern: ID_PATTERN } as const;
const TIME = { type: String, format: 'date-time' } as const;
const INT = { type: 'integer' } as const;

export class LocationView {
  @ApiProperty({ ...ID, example: 'PARIS' }) id: string;
  @ApiProperty({ type: String, example: 'Paris Opéra' }) name: string;
  @ApiProperty({ enum: ['store', 'warehouse'] }) kind: string;
  @ApiProperty({ type: String, example: 'Europe/Paris', description: 'IANA time zone' }) timeZone: string;
  @ApiProperty({ type: Boolean }) offersPickup: boolean;
  @ApiProperty({ ...INT, description: 'minutes the store needs to pick an order once the units are there' }) pickTimeMinutes: number;
  @ApiProperty({ ...INT, description: 'days a ready order waits at the store before it expires' }) pickupHoldDays: number;
  @ApiProperty({ ...INT, description: 'days a transfer from this location to any store takes' }) transferDays: number;
  @ApiProperty({ type: Number, nullable: true, example: 48.8708 }) latitude: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 2.3319 }) longitude: number | null;
}

export class LocationListView {
  @ApiProperty({ type: () => LocationView, isArray: true }) locations: LocationView[];
}

export class StockView {
  @ApiProperty({ ...ID, example: 'PARIS' }) locationId: string;
  @ApiProperty({ ...ID, example: 'SKU-1' }) sku: string;
  @ApiProperty({ ...INT, minimum: 0, description: 'units on the shelves' }) onHand: number;
  @ApiProperty({ ...INT, minimum: 0, description: 'units promised to orders' }) reserved: number;
  @ApiProperty({ ...INT, minimum: 0, description: 'units kept back from promises' }) safetyStock: number;
  @ApiProperty({ ...INT, minimum: 0, description: 'onHand − reserved − safetyStock, never below 0' }) available: number;
}

export class PickupAnswerView {
  @ApiProperty({ enum: ['store', 'transfer', 'none'], description: 'from the store shelves, by a transfer, or not at all' }) mode: string;
  @ApiProperty({ ...TIME, nullable: true, description: 'earliest pickup time' }) readyBy: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'source of the transfer' }) fromLocationId: string | null;
}

export class AvailabilityAnswerView {
  @ApiProperty({ ...ID, example: 'PARIS' }) storeId: string;
  @ApiProperty({ ...ID, example: 'SKU-1' }) sku: string;
  @ApiProperty({ ...INT, minimum: 0 }) availableAtStore: number;
  @ApiProperty({ type: () => PickupAnswerView }) pickup: PickupAnswerView;
}

export class AvailabilityView {
  @ApiProperty({ ...INT, minimum: 1, description: 'units asked for per SKU' }) quantity: number;
  @ApiProperty({ type: () => AvailabilityAnswerView, isArray: true, description: 'one answer per store and SKU' }) availability: AvailabilityAnswerView[];
}

export class ReservationView {
  @ApiProperty({ format: 'uuid' }) lineId: string;
  @ApiProperty(ID) sku: string;
  @ApiProperty({ ...INT, minimum: 0 }) quantity: number;
  @ApiProperty({ enum: ['ACTIVE', 'IN_TRANSIT', 'RELEASED', 'CONSUMED'] }) status: string;
  @ApiProperty(ID) locationId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) transferId: string | null;
  @ApiProperty({ ...TIME, nullable: true, description: 'an unconfirmed reservation expires then' }) expiresAt: string | null;
}

export class OrderReservationsView {
  @ApiProperty({ format: 'uuid' }) orderId: string;
  @ApiProperty({ type: () => ReservationView, isArray: true }) reservations: ReservationView[];
}

export class TransferView {
  @ApiProperty({ format: 'uuid' }) transferId: string;
  @ApiProperty({ format: 'uuid', description: 'order the units travel for' }) orderId: string;
  @ApiProperty(ID) fromLocationId: string;
  @ApiProperty(ID) toLocationId: string;
  @ApiProperty({ enum: ['REQUESTED', 'SHIPPED', 'RECEIVED', 'CANCELLED', 'LOST'] }) status: string;
  @ApiProperty(TIME) expectedArrivalAt: string;
}

export class TransferLineView {
  @ApiProperty({ format: 'uuid' }) lineId: string;
  @ApiProperty(ID) sku: string;
  @ApiProperty({ ...INT, minimum: 1 }) quantity: number;
}

export class TransferDetailView extends TransferView {
  @ApiProperty({ type: () => TransferLineView, isArray: true }) lines: TransferLineView[];
}

export class OverdueTransfersView {
  @ApiProperty({ type: () => TransferView, isArray: true, description: 'REQUESTED or SHIPPED past expectedArrivalAt, the longest overdue first (at most 500)' })
  transfers: TransferView[];
}

export class LocationTransfersView {
  @ApiProperty(ID) locationId: string;
  @ApiProperty({ enum: ['inbound', 'outbound'] }) direction: string;
  @ApiProperty({ type: () => TransferView, isArray: true }) transfers: TransferView[];
}

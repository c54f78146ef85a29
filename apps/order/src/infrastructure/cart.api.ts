import { ApiProperty } from '@nestjs/swagger';
import { CHANNELS } from '@omni/contracts';
import { CART_STATUSES } from '../domain/cart';

// Response shapes of the cart API, for its OpenAPI document (no runtime role).

const TIME = { type: String, format: 'date-time' } as const;

export class CartLineView {
  @ApiProperty({ example: 'SKU-1' }) sku: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) quantity: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'price of one unit now, minor units' }) unitPrice: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'price of one unit when the line was first added: the reference of the price re-check' })
  firstUnitPrice: number;
}

export class PlaceView {
  @ApiProperty({ enum: CHANNELS }) channel: string;
  @ApiProperty({ type: String, nullable: true, description: 'store (POS), else null' }) storeId: string | null;
}

export class CartView {
  @ApiProperty({ format: 'uuid', description: 'the cart id; a guest cart is addressed by it alone, so it is never guessable' }) id: string;
  @ApiProperty({ enum: CART_STATUSES }) status: string;
  @ApiProperty({ type: String, nullable: true, description: 'customer account id; null for a guest cart' }) customerId: string | null;
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ type: () => PlaceView, description: 'where the cart was started' }) started: PlaceView;
  @ApiProperty({ type: () => PlaceView, description: 'where the cart is continued now' }) current: PlaceView;
  @ApiProperty({ type: () => CartLineView, isArray: true }) lines: CartLineView[];
  @ApiProperty({ type: 'integer', description: 'sum of quantity × unitPrice' }) total: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the order placed from it, once CHECKED_OUT' }) orderId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the customer cart it was merged into, once MERGED' }) mergedIntoId: string | null;
  @ApiProperty(TIME) createdAt: string;
  @ApiProperty(TIME) lastActivityAt: string;
}

export class LineAvailabilityView {
  @ApiProperty() sku: string;
  @ApiProperty({ type: 'integer' }) quantity: number;
  @ApiProperty({ type: 'integer', description: 'units free at the store now' }) availableAtStore: number;
  @ApiProperty({ enum: ['store', 'transfer', 'none'] }) mode: string;
  @ApiProperty({ type: Boolean }) available: boolean;
}

export class AvailabilityCheckView {
  @ApiProperty({
    enum: ['CHECKED', 'SKIPPED', 'FAILED'],
    description: 'SKIPPED: inventory is not configured or the cart is not at a store; FAILED: inventory could not be asked',
  })
  status: string;
  @ApiProperty({ type: String, nullable: true }) storeId: string | null;
  @ApiProperty({ type: String, required: false, description: 'why it was skipped or failed' }) reason?: string;
  @ApiProperty({ type: () => LineAvailabilityView, isArray: true }) lines: LineAvailabilityView[];
}

export class PriceChangeView {
  @ApiProperty() sku: string;
  @ApiProperty({ type: 'integer' }) firstUnitPrice: number;
  @ApiProperty({ type: 'integer' }) unitPrice: number;
}

export class RepricingView {
  @ApiProperty() sku: string;
  @ApiProperty({ type: 'integer', description: 'unit price the cart had' }) from: number;
  @ApiProperty({ type: 'integer', description: "the price list's unit price, which the line has now" }) to: number;
}

export class ContinuationView {
  @ApiProperty({ type: () => PlaceView }) from: PlaceView;
  @ApiProperty({ type: () => PlaceView }) to: PlaceView;
  @ApiProperty({ type: () => AvailabilityCheckView }) availability: AvailabilityCheckView;
  @ApiProperty({ type: () => PriceChangeView, isArray: true, description: 'lines whose price differs from the one they were first added with' })
  priceChanges: PriceChangeView[];
  @ApiProperty({
    type: () => RepricingView,
    isArray: true,
    description: 'lines the price list priced otherwise than the cart had them, where the cart is now (docs/carts.md)',
  })
  repriced: RepricingView[];
  @ApiProperty({ type: String, isArray: true, description: 'SKUs the price list has no price for where the cart is now: the price the channel sent stands' })
  unpricedSkus: string[];
  @ApiProperty({ type: String, isArray: true, description: 'what changed, one readable line each' }) changes: string[];
}

export class ContinuedCartView {
  @ApiProperty({ type: () => CartView }) cart: CartView;
  @ApiProperty({ type: () => ContinuationView, nullable: true, description: 'the re-check, when the cart was continued (null for a new cart)' })
  continuation: ContinuationView | null;
}

export class CartLinesView {
  @ApiProperty({ type: () => CartView }) cart: CartView;
  @ApiProperty({ type: () => PriceChangeView, isArray: true }) priceChanges: PriceChangeView[];
}

export class HandoffView {
  @ApiProperty({ example: '7K2M9QXD', description: 'read to the store associate; shown once, only its hash is kept' }) code: string;
  @ApiProperty(TIME) expiresAt: string;
}

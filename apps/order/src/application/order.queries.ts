import { Injectable } from '@nestjs/common';
import { Clock } from '@omni/platform';
import { DataSource } from 'typeorm';
import { Cart } from '../domain/cart';
import { Fulfilment, Order } from '../domain/order';
import { listPrice, PriceEntry, PriceQuery } from '@omni/contracts';
import { CartRepository } from './ports/cart.port';
import { ChannelCredit, ChannelCreditRepository } from './ports/channel-credit.port';
import { OrderRepository } from './ports/order.port';
import { PaymentRequestRepository, PaymentRequestView } from './ports/payment-request.port';
import { PreorderProduct, PreorderRepository } from './ports/preorder.port';
import { PriceListRepository } from './ports/price-list.port';

/**
 * What the order API reads — an order with its payments and cart, a location's pick list, a
 * preorder product, a SKU's prices, a store's channel credit — read-only and without locks, so
 * that the controllers call the application and never a repository.
 */
@Injectable()
export class OrderQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly orders: OrderRepository,
    private readonly paymentRequests: PaymentRequestRepository,
    private readonly carts: CartRepository,
    private readonly preorders: PreorderRepository,
    private readonly priceList: PriceListRepository,
    private readonly credit: ChannelCreditRepository,
  ) {}

  order(id: string): Promise<Order | null> {
    return this.orders.find(this.dataSource.manager, id);
  }

  payments(orderId: string): Promise<PaymentRequestView[]> {
    return this.paymentRequests.forOrder(this.dataSource.manager, orderId);
  }

  cartOf(orderId: string): Promise<Cart | null> {
    return this.carts.forOrder(this.dataSource.manager, orderId);
  }

  pickList(locationId: string): Promise<Fulfilment[]> {
    return this.orders.pickList(this.dataSource.manager, locationId);
  }

  preorderProduct(sku: string): Promise<PreorderProduct | null> {
    return this.preorders.find(this.dataSource.manager, sku);
  }

  prices(sku: string): Promise<{ entries: PriceEntry[]; updatedAt: Date | null }> {
    return this.priceList.find(this.dataSource.manager, sku);
  }

  /** The unit price in force now for a sale of `sku` (the rule every placement is priced by); null when none is listed. */
  async priceInForce(sku: string, q: Omit<PriceQuery, 'at'>): Promise<{ unitPrice: number | null; at: Date }> {
    const at = this.clock.now();
    const { entries } = await this.priceList.find(this.dataSource.manager, sku);
    return { unitPrice: listPrice(entries, { ...q, at }), at };
  }

  channelCredit(storeId: string, from: Date, to: Date): Promise<ChannelCredit> {
    return this.credit.of(this.dataSource.manager, storeId, from, to);
  }
}

import { Injectable } from '@nestjs/common';
import { Clock } from '@omni/platform';
import { DataSource } from 'typeorm';
import { Cart } from '../domain/cart';
import { Fulfilment, Order } from '../domain/order';
import { listPrice, PriceEntry, PriceQuery } from '@omni/contracts';
import { cartRepository } from '../infrastructure/cart.repository';
import { ChannelCredit, channelCreditRepository } from '../infrastructure/channel-credit.repository';
import { orderRepository } from '../infrastructure/order.repository';
import { PaymentRequestView, paymentRequestRepository } from '../infrastructure/payment-request.repository';
import { PreorderProduct, preorderRepository } from '../infrastructure/preorder.repository';
import { priceListRepository } from '../infrastructure/price-list.repository';

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
  ) {}

  order(id: string): Promise<Order | null> {
    return orderRepository.find(this.dataSource.manager, id);
  }

  payments(orderId: string): Promise<PaymentRequestView[]> {
    return paymentRequestRepository.forOrder(this.dataSource.manager, orderId);
  }

  cartOf(orderId: string): Promise<Cart | null> {
    return cartRepository.forOrder(this.dataSource.manager, orderId);
  }

  pickList(locationId: string): Promise<Fulfilment[]> {
    return orderRepository.pickList(this.dataSource.manager, locationId);
  }

  preorderProduct(sku: string): Promise<PreorderProduct | null> {
    return preorderRepository.find(this.dataSource.manager, sku);
  }

  prices(sku: string): Promise<{ entries: PriceEntry[]; updatedAt: Date | null }> {
    return priceListRepository.find(this.dataSource.manager, sku);
  }

  /** The unit price in force now for a sale of `sku` (the rule every placement is priced by); null when none is listed. */
  async priceInForce(sku: string, q: Omit<PriceQuery, 'at'>): Promise<{ unitPrice: number | null; at: Date }> {
    const at = this.clock.now();
    const { entries } = await priceListRepository.find(this.dataSource.manager, sku);
    return { unitPrice: listPrice(entries, { ...q, at }), at };
  }

  channelCredit(storeId: string, from: Date, to: Date): Promise<ChannelCredit> {
    return channelCreditRepository.of(this.dataSource.manager, storeId, from, to);
  }
}

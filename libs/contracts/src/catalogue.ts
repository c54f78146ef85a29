import { ceTypeOf, EventDefinition } from './define-event';
import { InventoryRejectedV1, InventoryReservedV1, StockAdjustedV1 } from './events/inventory.events';
import { OrderConfirmedV1, OrderPlacedV1, OrderRejectedV1 } from './events/order.events';

/** Every event the system publishes. A consumer meeting a type not listed here dead-letters it. */
export const EVENT_CATALOGUE: readonly EventDefinition[] = [
  OrderPlacedV1,
  OrderConfirmedV1,
  OrderRejectedV1,
  InventoryReservedV1,
  InventoryRejectedV1,
  StockAdjustedV1,
] as EventDefinition[];

const byCeType = new Map(EVENT_CATALOGUE.map((d) => [ceTypeOf(d), d]));

export function findEventDefinition(ceType: string): EventDefinition | undefined {
  return byCeType.get(ceType);
}

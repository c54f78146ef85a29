import { accept, Decision, refuse } from '@omni/contracts';

/**
 * Whether a line may be preordered (docs/preorders.md, Placing): the rules, given what the
 * placing transaction read. The use case reads the product and the units already taken (holding
 * the SKU's counter and the customer's lock), and asks here; a refusal rolls everything back.
 */
export type PreorderRefusal =
  'PREORDER.NOT_A_PREORDER' | 'PREORDER.WINDOW_CLOSED' | 'PREORDER.STORE_CAP_REACHED' | 'PREORDER.CUSTOMER_CAP_REACHED' | 'PREORDER.NEEDS_CUSTOMER';

/** What a preorder product promises: its release date, its window and its caps. */
export interface PreorderTerms {
  readonly releaseAt: Date;
  readonly opensAt: Date;
  readonly closesAt: Date;
  /** Units that may be preordered per pickup store, and per customer across stores and deliveries. */
  readonly capPerStore: number;
  readonly capPerCustomer: number;
}

/** Someone to count a preorder against: a customer account, or a guest's e-mail. */
export function preorderCustomer(customer: { customerId: string | null; email: string | null }): Decision<true, PreorderRefusal> {
  if (!customer.customerId && !customer.email)
    return refuse('PREORDER.NEEDS_CUSTOMER', 'a preorder needs a customer: customerId, or contact.email for a guest');
  return accept(true);
}

/** The SKU is sold by preorder now: a product not released yet, inside its window. */
export function preorderable(sku: string, product: PreorderTerms | null, now: Date): Decision<PreorderTerms, PreorderRefusal> {
  if (!product || product.releaseAt.getTime() <= now.getTime())
    return refuse('PREORDER.NOT_A_PREORDER', `${sku} is not sold by preorder${product ? ': it is released' : ''}`);
  if (now.getTime() < product.opensAt.getTime() || now.getTime() >= product.closesAt.getTime()) {
    return refuse('PREORDER.WINDOW_CLOSED', `${sku} takes preorders from ${product.opensAt.toISOString()} to ${product.closesAt.toISOString()}`);
  }
  return accept(product);
}

/**
 * The line stays within the caps, counting what is taken already: at its pickup store (`atStore`;
 * null for a delivery, which takes no store's units) and by its customer everywhere.
 */
export function withinPreorderCaps(
  line: { sku: string; quantity: number },
  product: PreorderTerms,
  taken: { store: string; atStore: number } | null,
  byCustomer: number,
): Decision<true, PreorderRefusal> {
  if (taken && taken.atStore + line.quantity > product.capPerStore) {
    return refuse('PREORDER.STORE_CAP_REACHED', `${taken.store} takes ${product.capPerStore} preorders of ${line.sku}; ${taken.atStore} are taken`);
  }
  if (byCustomer + line.quantity > product.capPerCustomer)
    return refuse('PREORDER.CUSTOMER_CAP_REACHED', `one customer may preorder ${product.capPerCustomer} of ${line.sku}; this one has ${byCustomer}`);
  return accept(true);
}

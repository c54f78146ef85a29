import { idRuleMessage, invalidField, ID_PATTERN } from '@omni/platform';

/** SKUs in paths (preorder products, the price list): 1-64 letters, digits, dot, dash or underscore. */
export const SKU_PATTERN = ID_PATTERN;
const SKU = new RegExp(SKU_PATTERN);

export function checkSku(sku: string): void {
  if (SKU.test(sku)) return;
  throw invalidField('sku', 'matches', idRuleMessage('sku'));
}

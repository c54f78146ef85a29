import { ServiceConfig } from '@omni/platform';

export class InventoryConfig extends ServiceConfig {
  override PORT: number = 3002;
}

import { ServiceConfig } from '@omni/platform';

export class OrderConfig extends ServiceConfig {
  override PORT: number = 3001;
}

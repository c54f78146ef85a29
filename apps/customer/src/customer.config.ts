import { ServiceConfig } from '@omni/platform';

export class CustomerConfig extends ServiceConfig {
  override PORT: number = 3004;
}

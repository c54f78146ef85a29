import { ServiceConfig } from '@omni/platform';

export class ReturnsConfig extends ServiceConfig {
  override PORT: number = 3003;
}

import 'reflect-metadata';
import { bootstrapService } from '@omni/messaging';
import { loadConfig, runMain } from '@omni/platform';
import { ReturnsConfig } from './returns.config';
import { ReturnsModule } from './returns.module';

runMain('returns', async () => {
  const config = loadConfig(ReturnsConfig);
  await bootstrapService(ReturnsModule.register(config), config.PORT);
});

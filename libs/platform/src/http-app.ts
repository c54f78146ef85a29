import { INestApplication } from '@nestjs/common';
import { Logger } from 'nestjs-pino';
import { correlationMiddleware } from './correlation.middleware';
import { ProblemFilter, requestValidationPipe } from './problem';

/** What every service's HTTP edge shares: JSON logs, correlation, validation, problem+json, graceful shutdown. */
export function configureHttpApp(app: INestApplication): void {
  app.useLogger(app.get(Logger));
  app.use(correlationMiddleware);
  app.useGlobalPipes(requestValidationPipe());
  app.useGlobalFilters(new ProblemFilter());
  app.enableShutdownHooks();
}

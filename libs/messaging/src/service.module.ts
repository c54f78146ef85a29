import { DynamicModule, Inject, Injectable, Logger, Module, OnModuleInit, Type } from '@nestjs/common';
import { APP_INTERCEPTOR, NestFactory } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import {
  AuthModule,
  configureHttpApp,
  DatabaseReadiness,
  HealthController,
  IdempotencyInterceptor,
  IdempotencyKeys1700000000100,
  loggingModule,
  Metrics,
  MetricsController,
  httpMetricsMiddleware,
  OpenApiInfo,
  READINESS_CHECKS,
  runMigrationsExclusively,
  ServiceConfig,
  setupOpenApi,
} from '@omni/platform';
import { DataSource, MixedList } from 'typeorm';
import { KafkaReadiness } from './kafka/kafka-readiness';
import { MessagingModule, startEventConsumer } from './messaging.module';
import { MessagingTables1700000000000 } from './migrations/1700000000000-messaging-tables';

export interface ServiceDefinition {
  service: string;
  config: ServiceConfig;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
  consumes: string[];
  /** What the service's OpenAPI document (/docs, docs/openapi/<service>.json) says about it. */
  api: { description: string; version: string };
}

const SERVICE_NAME = Symbol('SERVICE_NAME');
export const OPENAPI_INFO = Symbol('OPENAPI_INFO');

/** Applies migrations before anything reads or writes (an advisory lock serialises replicas). */
@Injectable()
class MigrationRunner implements OnModuleInit {
  private readonly logger = new Logger('Migrations');
  constructor(
    private readonly dataSource: DataSource,
    @Inject(SERVICE_NAME) private readonly service: string,
  ) {}
  async onModuleInit(): Promise<void> {
    const applied = await runMigrationsExclusively(this.dataSource);
    if (applied.length > 0) this.logger.log({ service: this.service, applied }, 'migrations applied');
  }
}

/**
 * Everything a service needs around its own code: JSON logging, its PostgreSQL database with
 * migrations, Kafka messaging (outbox relay, event consumer), health endpoints, and the API edge:
 * bearer tokens, per-caller rate limits and Idempotency-Key (docs/api-edge.md).
 */
@Module({})
export class ServiceInfrastructureModule {
  static forRoot(def: ServiceDefinition): DynamicModule {
    const c = def.config;
    return {
      module: ServiceInfrastructureModule,
      global: true,
      imports: [
        loggingModule(def.service, c.LOG_LEVEL),
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: c.DATABASE_URL,
          entities: def.entities,
          migrations: [MessagingTables1700000000000, IdempotencyKeys1700000000100, ...def.migrations],
          migrationsRun: false,
          synchronize: false,
          logging: false,
          extra: { max: c.DATABASE_POOL_SIZE, application_name: def.service },
          retryAttempts: 10,
          retryDelay: 1000,
        }),
        TerminusModule,
        AuthModule.forRoot(c),
        MessagingModule.forRoot({
          service: def.service,
          brokers: c.KAFKA_BROKERS.split(','),
          databaseUrl: c.DATABASE_URL,
          consumes: def.consumes,
          outbox: { pollIntervalMs: c.OUTBOX_POLL_INTERVAL_MS, batchSize: c.OUTBOX_BATCH_SIZE },
          consumer: {
            maxAttempts: c.CONSUMER_MAX_ATTEMPTS,
            retryBaseMs: c.CONSUMER_RETRY_BASE_MS,
            partitionsConsumedConcurrently: c.CONSUMER_PARTITIONS_CONCURRENTLY,
            sessionTimeoutMs: c.CONSUMER_SESSION_TIMEOUT_MS,
          },
        }),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: SERVICE_NAME, useValue: def.service },
        { provide: OPENAPI_INFO, useValue: { service: def.service, ...def.api } satisfies OpenApiInfo },
        MigrationRunner,
        {
          provide: APP_INTERCEPTOR,
          inject: [DataSource],
          useFactory: (ds: DataSource) => new IdempotencyInterceptor(ds, c.IDEMPOTENCY_TTL_HOURS),
        },
        {
          provide: READINESS_CHECKS,
          inject: [DataSource, KafkaReadiness],
          useFactory: (ds: DataSource, kafka: KafkaReadiness) => [new DatabaseReadiness(ds), kafka],
        },
      ],
      exports: [TypeOrmModule, MessagingModule],
    };
  }
}

/** Boots a service: HTTP edge, OpenAPI document at /docs, event consumer, listen. */
export async function bootstrapService(module: Type<unknown> | DynamicModule, port: number): Promise<void> {
  // The JSON body parser (with its size limit and problem+json errors) is configureHttpApp's.
  const app = await NestFactory.create(module, { bufferLogs: true, bodyParser: false });
  app.use(httpMetricsMiddleware(app.get(Metrics)));
  configureHttpApp(app);
  setupOpenApi(app, app.get<OpenApiInfo>(OPENAPI_INFO));
  await startEventConsumer(app);
  await app.listen(port, '0.0.0.0');
}

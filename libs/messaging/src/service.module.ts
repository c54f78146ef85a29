import { DynamicModule, Inject, Injectable, Logger, Module, OnApplicationShutdown, OnModuleInit, Type } from '@nestjs/common';
import { APP_INTERCEPTOR, DiscoveryModule, NestFactory } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import type { Server } from 'node:http';
import { TypeOrmModule } from '@nestjs/typeorm';
import {
  admissionMiddleware,
  AuthModule,
  configureHttpApp,
  connectionOptions,
  correlationMiddleware,
  drainOnShutdown,
  installHotRoutes,
  plainLogger,
  DatabaseReadiness,
  HealthController,
  IdempotencyInterceptor,
  loggingModule,
  Metrics,
  MetricsController,
  httpMetricsMiddleware,
  OpenApiInfo,
  READINESS_CHECKS,
  runMigrationsExclusively,
  setupOpenApi,
  startTracing,
  Tracing,
  waitForMigrations,
} from '@omni/platform';
import { DataSource } from 'typeorm';
import { migrateOnly, serviceCommand } from './service-command';
import { migrationsOf, SERVICE_DEFINITION, ServiceDefinition } from './service-definition';
import { KafkaReadiness } from './kafka/kafka-readiness';
import { MessagingModule, startEventConsumer } from './messaging.module';

export const OPENAPI_INFO = Symbol('OPENAPI_INFO');

/**
 * Before anything reads or writes: applies pending migrations (an advisory lock serialises
 * replicas and the migration Job), or with MIGRATIONS_RUN=false waits for the Job to have applied them.
 */
@Injectable()
class MigrationRunner implements OnModuleInit {
  private readonly logger = new Logger('Migrations');
  constructor(
    private readonly dataSource: DataSource,
    @Inject(SERVICE_DEFINITION) private readonly def: ServiceDefinition,
  ) {}
  async onModuleInit(): Promise<void> {
    const c = this.def.config;
    if (c.MIGRATIONS_RUN === 'false') {
      await waitForMigrations(this.dataSource, c.MIGRATIONS_WAIT_SECONDS * 1000, () =>
        this.logger.log({ service: this.def.service, event: 'migrations.waiting' }, 'waiting for the migration job'),
      );
      return;
    }
    const applied = await runMigrationsExclusively(this.dataSource);
    if (applied.length > 0) this.logger.log({ service: this.def.service, applied }, 'migrations applied');
  }
}

/** Exports the spans still buffered once everything that makes spans (HTTP, consumer, relay) has stopped. */
@Injectable()
class TracingLifecycle implements OnApplicationShutdown {
  constructor(private readonly tracing: Tracing) {}
  async onApplicationShutdown(): Promise<void> {
    await this.tracing.shutdown();
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
        DiscoveryModule,
        loggingModule(def.service, c.LOG_LEVEL),
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: c.DATABASE_URL,
          entities: def.entities,
          migrations: migrationsOf(def),
          migrationsRun: false,
          synchronize: false,
          logging: false,
          extra: { max: c.DATABASE_POOL_SIZE, application_name: def.service, options: connectionOptions() },
          retryAttempts: 10,
          retryDelay: 1000,
        }),
        // Terminus logs every failed check as an error, the expected ones of a start included; HealthController logs readiness changes itself.
        TerminusModule.forRoot({ logger: false }),
        AuthModule.forRoot(c),
        MessagingModule.forRoot({
          service: def.service,
          brokers: c.KAFKA_BROKERS.split(','),
          databaseUrl: c.DATABASE_URL,
          consumes: def.consumes,
          outbox: {
            pollIntervalMs: c.OUTBOX_POLL_INTERVAL_MS,
            batchSize: c.OUTBOX_BATCH_SIZE,
            lingerMs: c.OUTBOX_RELAY_LINGER_MS,
            vacuumAfterRows: c.OUTBOX_VACUUM_AFTER_ROWS,
          },
          consumer: {
            maxAttempts: c.CONSUMER_MAX_ATTEMPTS,
            retryBaseMs: c.CONSUMER_RETRY_BASE_MS,
            partitionsConsumedConcurrently: c.CONSUMER_PARTITIONS_CONCURRENTLY,
            batchSize: c.CONSUMER_BATCH_SIZE,
            sessionTimeoutMs: c.CONSUMER_SESSION_TIMEOUT_MS,
            fetch: { maxWaitMs: c.CONSUMER_FETCH_MAX_WAIT_MS, minBytes: c.CONSUMER_FETCH_MIN_BYTES },
            commitIntervalMs: c.CONSUMER_COMMIT_INTERVAL_MS,
          },
        }),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: SERVICE_DEFINITION, useValue: def },
        // Registered before any request or event can arrive; spans are made even when none is exported.
        { provide: Tracing, useFactory: () => startTracing(def.service, c) },
        TracingLifecycle,
        { provide: OPENAPI_INFO, useValue: { service: def.service, ...def.api } satisfies OpenApiInfo },
        MigrationRunner,
        {
          provide: APP_INTERCEPTOR,
          inject: [DataSource],
          useFactory: (ds: DataSource) => new IdempotencyInterceptor(ds, c.IDEMPOTENCY_TTL_HOURS, c.IDEMPOTENCY_ABANDONED_AFTER_S),
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

/**
 * Boots a service: HTTP edge, OpenAPI document at /docs, event consumer, listen. With the
 * command-line argument `migrate` it only applies the service's migrations and returns (the
 * migration Job, docs/operations/migrations-and-upgrades.md#migrations).
 */
export async function bootstrapService(module: Type<unknown> | DynamicModule, port: number, argv: string[] = process.argv.slice(2)): Promise<void> {
  if (serviceCommand(argv) === 'migrate') return migrateOnly(module);
  // The JSON body parser (with its size limit and problem+json errors) is configureHttpApp's.
  const app = await NestFactory.create(module, { bufferLogs: true, bodyParser: false });
  const def = app.get<ServiceDefinition>(SERVICE_DEFINITION);
  // What every request passes first, on either edge (Express's, and the hot routes').
  const edge = [
    httpMetricsMiddleware(app.get(Metrics)),
    // After the metrics, so that what is shed is counted (503); before anything reads the body.
    admissionMiddleware(def.config.MAX_REQUESTS_IN_FLIGHT),
    drainOnShutdown(app.getHttpServer() as Server),
    correlationMiddleware,
  ];
  configureHttpApp(app, edge);
  setupOpenApi(app, app.get<OpenApiInfo>(OPENAPI_INFO));
  // The JSON logger is in place: what init logs (migrations, waiting for the migration Job, a
  // failure to start) must reach it now, not when the app listens.
  app.flushLogs();
  // Lifecycle hooks first: migrations (onModuleInit) must be applied before a single event is
  // consumed, and the consumer starts listening as soon as it is attached.
  await app.init();
  installHotRoutes(app, edge, plainLogger(def.service, def.config.LOG_LEVEL));
  await startEventConsumer(app);
  await app.listen(port, '0.0.0.0');
}

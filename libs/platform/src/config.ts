import 'reflect-metadata'; // type conversion of variables reads decorator metadata
import { plainToInstance } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNumber,
  Length,
  Matches,
  Max,
  Min,
  Validate,
  ValidationArguments,
  ValidatorConstraint,
  ValidatorConstraintInterface,
  validateSync,
  ValidationError,
} from 'class-validator';
import { FAILPOINTS } from './failpoint';

/** Configuration problems are reported all at once, one line per variable, before anything starts. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

/** Tokens are verified against a JWKS endpoint or one fixed public key: exactly one, never neither. */
@ValidatorConstraint({ name: 'exactlyOneKeySource' })
class ExactlyOneKeySource implements ValidatorConstraintInterface {
  validate(_: unknown, args: ValidationArguments): boolean {
    const c = args.object as ServiceConfig;
    return (c.AUTH_JWKS_URL !== '') !== (c.AUTH_PUBLIC_KEY !== '');
  }
  defaultMessage(): string {
    return 'exactly one of AUTH_JWKS_URL (a JWKS endpoint) or AUTH_PUBLIC_KEY (a PEM public key) must be set';
  }
}

@ValidatorConstraint({ name: 'notInProduction' })
class NotInProduction implements ValidatorConstraintInterface {
  validate(value: unknown, args: ValidationArguments): boolean {
    return (args.object as ServiceConfig).NODE_ENV !== 'production' || value === '';
  }
  defaultMessage(args: ValidationArguments): string {
    return `${args.property} is for tests and refused in production`;
  }
}

/** OTEL_TRACES_SAMPLER values of the OpenTelemetry specification. */
export const SAMPLERS = ['always_on', 'always_off', 'traceidratio', 'parentbased_always_on', 'parentbased_always_off', 'parentbased_traceidratio'] as const;

/**
 * Variables every service reads. An app extends this class with its own and calls `loadConfig`;
 * only this library reads `process.env` (STYLE.md, Config).
 */
export class ServiceConfig {
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT: number = 3000;

  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL: string;

  @Matches(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, { message: 'KAFKA_BROKERS must be a comma-separated list of host:port' })
  KAFKA_BROKERS: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';

  @IsIn(['development', 'test', 'production'])
  NODE_ENV: string = 'development';

  /** Fault-injection tests only (failpoint.ts): where the process kills itself. Empty: nowhere. */
  @IsIn(['', ...FAILPOINTS], { message: `FAILPOINT must be empty or one of ${FAILPOINTS.join(', ')}` })
  @Validate(NotInProduction)
  FAILPOINT: string = '';

  /** How often the outbox relay looks for rows when no notification arrives. */
  @IsInt()
  @Min(50)
  @Max(60000)
  OUTBOX_POLL_INTERVAL_MS: number = 1000;

  @IsInt()
  @Min(1)
  @Max(5000)
  OUTBOX_BATCH_SIZE: number = 500;

  /**
   * The least time between two drains of the outbox relay (docs/adr/0016-throughput.md): under load,
   * commits that land meanwhile go to Kafka in one batch instead of one each; a drain after a quiet
   * spell is not delayed. 0: drain at every commit.
   */
  @IsInt()
  @Min(0)
  @Max(1000)
  OUTBOX_RELAY_LINGER_MS: number = 5;

  /**
   * Rows the outbox relay deletes before it vacuums the outbox itself (at most once a second), so
   * its reads do not walk a minute of deleted rows between autovacuum's visits. 0: autovacuum alone.
   */
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  OUTBOX_VACUUM_AFTER_ROWS: number = 1000;

  /** Attempts at a consumed event before it is dead-lettered. */
  @IsInt()
  @Min(1)
  @Max(20)
  CONSUMER_MAX_ATTEMPTS: number = 5;

  @IsInt()
  @Min(1)
  @Max(60000)
  CONSUMER_RETRY_BASE_MS: number = 200;

  @IsInt()
  @Min(1)
  @Max(64)
  CONSUMER_PARTITIONS_CONCURRENTLY: number = 3;

  /**
   * Events of one partition applied in one database transaction when they arrive together
   * (ADR 0012); 1 gives every event its own transaction.
   */
  @IsInt()
  @Min(1)
  @Max(500)
  CONSUMER_BATCH_SIZE: number = 20;

  /**
   * How long the group waits for a silent consumer before giving its partitions to another — and
   * so how long a replacement of a killed (SIGKILL) instance waits to join. Shorter recovers
   * sooner; too short evicts a consumer that is merely slow (it heartbeats after every event and
   * every retry pause), which only redelivers what the inbox then skips (docs/operations/scaling-and-recovery.md).
   */
  @IsInt()
  @Min(6000)
  @Max(300000)
  CONSUMER_SESSION_TIMEOUT_MS: number = 10000;

  /**
   * A fetch is answered once CONSUMER_FETCH_MIN_BYTES of events wait, or after this long. The
   * defaults (1 byte, 5 s) hand every event over as soon as it is written: the order and inventory
   * services are on the placement path. A projection off that path (customer, returns) sets a
   * larger minimum and a short wait to take its events in runs: fewer fetches, offset commits and
   * transactions per event, for a bounded delay (docs/adr/0016-throughput.md).
   */
  @IsInt()
  @Min(10)
  @Max(10000)
  CONSUMER_FETCH_MAX_WAIT_MS: number = 5000;

  @IsInt()
  @Min(1)
  @Max(10 * 1024 * 1024)
  CONSUMER_FETCH_MIN_BYTES: number = 1;

  /**
   * How often the consumer commits the offsets of events it has applied: at most once per this many
   * milliseconds, after a batch or on a timer, and at once when it stops (0: after every batch).
   * What is applied but not committed yet comes again after a crash or rebalance, and the inbox
   * skips it (docs/adr/0016-throughput.md).
   */
  @IsInt()
  @Min(0)
  @Max(60000)
  CONSUMER_COMMIT_INTERVAL_MS: number = 200;

  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE: number = 10;

  /** Shifts the services' clock (tests only; refused in production). */
  @IsInt()
  @Min(-10 * 365 * 24 * 3600 * 1000)
  @Max(10 * 365 * 24 * 3600 * 1000)
  CLOCK_OFFSET_MS: number = 0;

  /** Where the signing keys of bearer tokens are published (production). */
  @Validate(ExactlyOneKeySource)
  @Matches(/^(https?:\/\/.+)?$/, { message: 'AUTH_JWKS_URL must be an http(s) URL' })
  AUTH_JWKS_URL: string = '';

  /** The one public key (PEM SPKI, ES256 or RS256) tokens are signed for (development, tests). */
  @Matches(/^$|-----BEGIN PUBLIC KEY-----/, { message: 'AUTH_PUBLIC_KEY must be a PEM public key (-----BEGIN PUBLIC KEY-----)' })
  AUTH_PUBLIC_KEY: string = '';

  /** The `iss` every token must carry. */
  @Length(1, 200)
  AUTH_ISSUER: string = 'omni-backbone';

  /** A value the `aud` of every token must contain. */
  @Length(1, 200)
  AUTH_AUDIENCE: string = 'omni-backbone';

  /** How long an Idempotency-Key and its first response are kept. */
  @IsInt()
  @Min(1)
  @Max(24 * 30)
  IDEMPOTENCY_TTL_HOURS: number = 24;

  /**
   * After how long a key whose request never finished (its process died between taking the key
   * and answering) may be taken over by a retry. Longer than any request runs.
   */
  @IsInt()
  @Min(1)
  @Max(3600)
  IDEMPOTENCY_ABANDONED_AFTER_S: number = 60;

  /** Requests one caller (token `sub`, else IP address) may make per minute, per instance. */
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  RATE_LIMIT_PER_MINUTE: number = 1200;

  /**
   * Requests one instance serves at once; the next is refused with 503 and Retry-After rather than
   * queued (docs/operations.md#overload). 0 admits everything.
   */
  @IsInt()
  @Min(0)
  @Max(100_000)
  MAX_REQUESTS_IN_FLIGHT: number = 64;

  /**
   * false: the service does not apply migrations at start but waits (up to MIGRATIONS_WAIT_SECONDS)
   * until the migration Job has (docs/operations/migrations-and-upgrades.md#migrations). true: it applies pending ones itself,
   * under the advisory lock, which is a no-op after the Job ran.
   */
  @IsIn(['true', 'false'], { message: 'MIGRATIONS_RUN must be true or false' })
  MIGRATIONS_RUN: string = 'true';

  @IsInt()
  @Min(1)
  @Max(3600)
  MIGRATIONS_WAIT_SECONDS: number = 300;

  // Tracing (docs/operations/tracing.md): the standard OpenTelemetry variables this build supports.
  // Spans are always made and their context always propagated (HTTP, Kafka headers, logs);
  // these only choose whether and where they are exported.

  /** Where finished spans go: nowhere (the default), an OTLP/HTTP collector, or stdout. */
  @IsIn(['none', 'otlp', 'console'], { message: 'OTEL_TRACES_EXPORTER must be one of none, otlp, console' })
  OTEL_TRACES_EXPORTER: string = 'none';

  /** Base URL of the collector; `/v1/traces` is appended (the OTLP default is http://localhost:4318). */
  @Matches(/^(https?:\/\/[^\s]+)?$/, { message: 'OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL' })
  OTEL_EXPORTER_OTLP_ENDPOINT: string = '';

  /** Full URL traces are posted to; wins over OTEL_EXPORTER_OTLP_ENDPOINT. */
  @Matches(/^(https?:\/\/[^\s]+)?$/, { message: 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT must be an http(s) URL' })
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: string = '';

  /** The exporter in this build speaks OTLP over HTTP with JSON bodies only. */
  @IsIn(['http/json'], { message: 'OTEL_EXPORTER_OTLP_PROTOCOL must be http/json (the only protocol this build exports with)' })
  OTEL_EXPORTER_OTLP_PROTOCOL: string = 'http/json';

  /** Headers sent with every export (`key=value,key2=value2`), e.g. a collector's API key. */
  @Matches(/^([^=,\s]+=[^,]*)?(,[^=,\s]+=[^,]*)*$/, { message: 'OTEL_EXPORTER_OTLP_HEADERS must be a comma-separated list of key=value' })
  OTEL_EXPORTER_OTLP_HEADERS: string = '';

  /** `service.name` of the spans; empty means the service's own name (order, inventory, …). */
  @Matches(/^[A-Za-z0-9._-]{0,100}$/, { message: 'OTEL_SERVICE_NAME must be up to 100 letters, digits, dots, dashes or underscores' })
  OTEL_SERVICE_NAME: string = '';

  @IsIn([...SAMPLERS], { message: `OTEL_TRACES_SAMPLER must be one of ${SAMPLERS.join(', ')}` })
  OTEL_TRACES_SAMPLER: string = 'parentbased_always_on';

  /** The ratio of the traceidratio samplers, 0 to 1. */
  @IsNumber({}, { message: 'OTEL_TRACES_SAMPLER_ARG must be a number from 0 to 1' })
  @Min(0)
  @Max(1)
  OTEL_TRACES_SAMPLER_ARG: number = 1;

  /** How long finished spans wait to be exported in one batch. */
  @IsInt()
  @Min(10)
  @Max(60000)
  OTEL_BSP_SCHEDULE_DELAY: number = 5000;
}

export function loadConfig<T extends object>(cls: new () => T, env: NodeJS.ProcessEnv = process.env): T {
  const known = Object.keys(new cls());
  const raw = Object.fromEntries(known.filter((k) => env[k] !== undefined && env[k] !== '').map((k) => [k, env[k]]));
  const config = plainToInstance(cls, raw, { enableImplicitConversion: true, exposeDefaultValues: true });
  const errors = validateSync(config, { forbidUnknownValues: false });
  if (errors.length > 0) throw new ConfigError(errors.flatMap((e) => describe(e, raw[e.property])));
  return config;
}

/** Names the variable and quotes what the operator set, not what conversion made of it (NaN). */
function describe(e: ValidationError, setTo: string | undefined): string[] {
  const value = setTo === undefined ? 'missing' : `got ${JSON.stringify(setTo)}`;
  return Object.values(e.constraints ?? {}).map((c) => `${e.property}: ${c} (${value})`);
}

/** Starts a service's main function; a bad configuration or failed start ends the process with one JSON line. */
export function runMain(service: string, start: () => Promise<void>): void {
  start().catch((e: unknown) => {
    const err = e instanceof Error ? e.message : String(e);
    process.stderr.write(JSON.stringify({ level: 'fatal', time: new Date().toISOString(), service, msg: 'failed to start', err }) + '\n');
    process.exit(1);
  });
}

import 'reflect-metadata'; // type conversion of variables reads decorator metadata
import { plainToInstance } from 'class-transformer';
import { IsIn, IsInt, Length, Matches, Max, Min, Validate, ValidationArguments, ValidatorConstraint, ValidatorConstraintInterface, validateSync, ValidationError } from 'class-validator';

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

/**
 * Variables every service reads. An app extends this class with its own and calls `loadConfig`;
 * only this library reads `process.env` (STYLE.md, Config).
 */
export class ServiceConfig {
  @IsInt() @Min(1) @Max(65535)
  PORT: number = 3000;

  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL: string;

  @Matches(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, { message: 'KAFKA_BROKERS must be a comma-separated list of host:port' })
  KAFKA_BROKERS: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';

  @IsIn(['development', 'test', 'production'])
  NODE_ENV: string = 'development';

  /** How often the outbox relay looks for rows when no notification arrives. */
  @IsInt() @Min(50) @Max(60000)
  OUTBOX_POLL_INTERVAL_MS: number = 1000;

  @IsInt() @Min(1) @Max(5000)
  OUTBOX_BATCH_SIZE: number = 500;

  /** Attempts at a consumed event before it is dead-lettered. */
  @IsInt() @Min(1) @Max(20)
  CONSUMER_MAX_ATTEMPTS: number = 5;

  @IsInt() @Min(1) @Max(60000)
  CONSUMER_RETRY_BASE_MS: number = 200;

  @IsInt() @Min(1) @Max(64)
  CONSUMER_PARTITIONS_CONCURRENTLY: number = 3;

  /** How long the group waits for a silent consumer before giving its partitions to another. */
  @IsInt() @Min(6000) @Max(300000)
  CONSUMER_SESSION_TIMEOUT_MS: number = 30000;

  @IsInt() @Min(1) @Max(200)
  DATABASE_POOL_SIZE: number = 10;

  /** Shifts the services' clock (tests only; refused in production). */
  @IsInt() @Min(-10 * 365 * 24 * 3600 * 1000) @Max(10 * 365 * 24 * 3600 * 1000)
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
  @IsInt() @Min(1) @Max(24 * 30)
  IDEMPOTENCY_TTL_HOURS: number = 24;

  /** Requests one caller (token `sub`, else IP address) may make per minute, per instance. */
  @IsInt() @Min(1) @Max(1_000_000)
  RATE_LIMIT_PER_MINUTE: number = 1200;
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

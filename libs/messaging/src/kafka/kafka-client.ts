import { Logger } from '@nestjs/common';
import { Kafka, logLevel, LogEntry } from 'kafkajs';
import { hostname } from 'node:os';
import { fixKafkajsRequestQueue } from './request-queue-fix';

const logger = new Logger('kafkajs');

/**
 * What kafkajs reports at ERROR while a broker, a group coordinator or a partition leader is still
 * on its way — at start, after a broker restart, during a rebalance — and then retries by itself.
 * Expected and transient: logged at debug, not as errors an operator would chase.
 */
const TRANSIENT = [
  'The group coordinator is not available',
  "The coordinator is loading and hence can't process requests for this group",
  'This is not the correct coordinator for this group',
  'The group is rebalancing, so a rejoin is needed',
  'There is no leader for this topic-partition as we are in the middle of a leadership election',
  'This server is not the leader for that topic-partition',
];

/** A consumer's crash reads "Crash: <ErrorName>: <message>"; the message is what tells whether it is transient. */
const CRASH = /^Crash: \w+: /;

function isTransient(fields: Record<string, unknown>, message: string): boolean {
  const error = typeof fields.error === 'string' ? fields.error : '';
  const text = message.replace(CRASH, '');
  return TRANSIENT.some((t) => error.startsWith(t) || text.startsWith(t));
}

export type KafkajsLogLevel = 'debug' | 'warn' | 'error';

/**
 * The level a kafkajs log entry is written at, or undefined to drop it. A consumer's restart notice
 * follows the crash that caused it; the crash line carries the severity, so the notice is a warning.
 */
export function kafkajsLogLevel(level: logLevel, message: string, fields: Record<string, unknown>): KafkajsLogLevel | undefined {
  // We rely on consumers' inboxes, not on exactly-once semantics, so a bounded retry count on
  // the idempotent producer is a deliberate choice (ADR 0003), not something to warn about.
  if (message.startsWith('Limiting retries for the idempotent producer')) return undefined;
  if (isTransient(fields, message)) return 'debug';
  if (message.startsWith('Restarting the consumer in')) return 'warn';
  if (level === logLevel.ERROR) return 'error';
  if (level === logLevel.WARN) return 'warn';
  return undefined;
}

/** kafkajs logs through the service's JSON logger; its INFO chatter is dropped. */
function logCreator() {
  return ({ level, log }: LogEntry) => {
    const { message, ...fields } = log;
    const to = kafkajsLogLevel(level, message, fields);
    if (to) logger[to](fields, message);
  };
}

export function createKafka(service: string, brokers: string[]): Kafka {
  fixKafkajsRequestQueue();
  return new Kafka({
    clientId: `${service}-${hostname()}-${process.pid}`,
    brokers,
    logLevel: logLevel.WARN,
    logCreator,
    retry: { initialRetryTime: 200, retries: 8, maxRetryTime: 5000 },
  });
}

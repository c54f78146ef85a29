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
  'The coordinator is loading and hence can\'t process requests for this group',
  'This is not the correct coordinator for this group',
  'The group is rebalancing, so a rejoin is needed',
  'There is no leader for this topic-partition as we are in the middle of a leadership election',
  'This server is not the leader for that topic-partition',
];

function isTransient(fields: Record<string, unknown>, message: string): boolean {
  const error = typeof fields.error === 'string' ? fields.error : '';
  return TRANSIENT.some((t) => error.startsWith(t) || message.startsWith(t));
}

/** kafkajs logs through the service's JSON logger; its INFO chatter is dropped. */
function logCreator() {
  return ({ level, log }: LogEntry) => {
    const { message, ...fields } = log;
    // We rely on consumers' inboxes, not on exactly-once semantics, so a bounded retry count on
    // the idempotent producer is a deliberate choice (ADR 0003), not something to warn about.
    if (message.startsWith('Limiting retries for the idempotent producer')) return;
    if (isTransient(fields, message)) logger.debug(fields, message);
    else if (level === logLevel.ERROR) logger.error(fields, message);
    else if (level === logLevel.WARN) logger.warn(fields, message);
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

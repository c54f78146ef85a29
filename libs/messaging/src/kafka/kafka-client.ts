import { Logger } from '@nestjs/common';
import { Kafka, logLevel, LogEntry } from 'kafkajs';
import { hostname } from 'node:os';

const logger = new Logger('kafkajs');

/** kafkajs logs through the service's JSON logger; its INFO chatter is dropped. */
function logCreator() {
  return ({ level, log }: LogEntry) => {
    const { message, ...fields } = log;
    // We rely on consumers' inboxes, not on exactly-once semantics, so a bounded retry count on
    // the idempotent producer is a deliberate choice (ADR 0003), not something to warn about.
    if (message.startsWith('Limiting retries for the idempotent producer')) return;
    if (level === logLevel.ERROR) logger.error(fields, message);
    else if (level === logLevel.WARN) logger.warn(fields, message);
  };
}

export function createKafka(service: string, brokers: string[]): Kafka {
  return new Kafka({
    clientId: `${service}-${hostname()}-${process.pid}`,
    brokers,
    logLevel: logLevel.WARN,
    logCreator,
    retry: { initialRetryTime: 200, retries: 8, maxRetryTime: 5000 },
  });
}

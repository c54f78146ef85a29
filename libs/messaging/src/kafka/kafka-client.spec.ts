import { logLevel } from 'kafkajs';
import { kafkajsLogLevel } from './kafka-client';

describe('kafkajsLogLevel', () => {
  it('writes a consumer crash on a loading coordinator at debug: kafkajs restarts the consumer by itself', () => {
    const message = "Crash: KafkaJSProtocolError: The coordinator is loading and hence can't process requests for this group";
    expect(kafkajsLogLevel(logLevel.ERROR, message, { groupId: 'order' })).toBe('debug');
  });

  it('writes a transient error carried in the error field at debug', () => {
    expect(kafkajsLogLevel(logLevel.ERROR, 'Response JoinGroup', { error: 'The group coordinator is not available' })).toBe('debug');
  });

  it('writes a consumer crash with any other cause at error', () => {
    expect(kafkajsLogLevel(logLevel.ERROR, 'Crash: KafkaJSNonRetriableError: Topic authorization failed', {})).toBe('error');
  });

  it('writes the restart notice that follows a crash as a warning', () => {
    expect(kafkajsLogLevel(logLevel.ERROR, 'Restarting the consumer in 200ms', { retryTime: 200 })).toBe('warn');
  });

  it('keeps warnings as warnings and drops the idempotent producer retry notice', () => {
    expect(kafkajsLogLevel(logLevel.WARN, 'Something slow', {})).toBe('warn');
    expect(kafkajsLogLevel(logLevel.WARN, 'Limiting retries for the idempotent producer to 5', {})).toBeUndefined();
  });

  it('drops info chatter', () => {
    expect(kafkajsLogLevel(logLevel.INFO, 'Starting', {})).toBeUndefined();
  });
});

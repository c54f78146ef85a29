// kafkajs for the scripts (stand-ins, benchmark, infrastructure), with the fix of its 1 ms
// polling loop applied (scripts/lib/kafkajs-fix.cjs).
import { createRequire } from 'node:module';
import kafkajs from 'kafkajs';

createRequire(import.meta.url)('./kafkajs-fix.cjs');

export default kafkajs;
export const { Kafka, logLevel, Partitioners } = kafkajs;

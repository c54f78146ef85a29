#!/usr/bin/env node
// A consumer from outside this codebase: it knows our events only through the published AsyncAPI
// document (docs/asyncapi.json), never through the TypeScript contracts. It subscribes to topics
// with its own consumer group, checks each message's CloudEvents headers, key and JSON payload
// against the document, and prints one JSON line per message: {topic, key, type, valid, errors}.
//
//   node tools/contracts/external-consumer.mjs --brokers localhost:19092 \
//     --topics order.events.v1,inventory.events.v1 [--group my-group] [--max 100] [--timeout-ms 30000] \
//     [--asyncapi docs/asyncapi.json] [--latest]
//
// Exits 0 after --max messages or --timeout-ms (or on SIGTERM/SIGINT), 2 on bad arguments.
// Readiness ({"ready":true,...}) and the final count go to stderr, so stdout holds messages only.
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import kafkajs from '../../scripts/lib/kafkajs.mjs';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const { Kafka, logLevel } = kafkajs;
const HERE = path.dirname(fileURLToPath(import.meta.url));

function parseArgs(argv) {
  const opts = {
    brokers: process.env.KAFKA_BROKERS ?? 'localhost:19092',
    topics: '',
    group: `external-consumer-${randomUUID()}`,
    max: Infinity,
    timeoutMs: Infinity,
    asyncapi: path.resolve(HERE, '../../docs/asyncapi.json'),
    fromBeginning: true,
  };
  for (let i = 0; i < argv.length; i++) {
    const [name, value] = [argv[i], argv[i + 1]];
    const take = () => {
      if (value === undefined) usage(`${name} needs a value`);
      i++;
      return value;
    };
    if (name === '--brokers') opts.brokers = take();
    else if (name === '--topics') opts.topics = take();
    else if (name === '--group') opts.group = take();
    else if (name === '--max') opts.max = Number(take());
    else if (name === '--timeout-ms') opts.timeoutMs = Number(take());
    else if (name === '--asyncapi') opts.asyncapi = path.resolve(take());
    else if (name === '--latest') opts.fromBeginning = false;
    else usage(`unknown argument ${name}`);
  }
  if (!opts.topics) usage('--topics is required');
  if (!(opts.max > 0) || !(opts.timeoutMs > 0)) usage('--max and --timeout-ms must be positive numbers');
  return { ...opts, topics: opts.topics.split(',').filter(Boolean) };
}

function usage(problem) {
  console.error(
    `${problem}\nusage: external-consumer.mjs --topics a,b [--brokers host:port] [--group g] [--max n] [--timeout-ms ms] [--asyncapi file] [--latest]`,
  );
  process.exit(2);
}

/** Follows a local reference (`#/components/messages/x`) inside the document. */
function resolve(doc, ref) {
  return ref
    .slice(2)
    .split('/')
    .reduce((node, part) => node?.[part.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
}

/** topic → message name → { headers, payload } validators, read from the AsyncAPI document. */
function contractFrom(doc) {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const byTopic = new Map();
  for (const channel of Object.values(doc.channels ?? {})) {
    const messages = new Map();
    for (const ref of Object.values(channel.messages ?? {})) {
      const message = ref.$ref ? resolve(doc, ref.$ref) : ref;
      if (!message) throw new Error(`${ref.$ref} does not resolve`);
      messages.set(message.name, { headers: ajv.compile(message.headers ?? {}), payload: ajv.compile(message.payload ?? {}) });
    }
    byTopic.set(channel.address, messages);
  }
  return byTopic;
}

const describe = (where) => (e) => {
  const at = `${where}${e.instancePath}`;
  if (e.keyword === 'additionalProperties') return `${at}: unknown field '${e.params.additionalProperty}'`;
  if (e.keyword === 'required') return `${at}: missing '${e.params.missingProperty}'`;
  return `${at}: ${e.message}`;
};

function check(contract, topic, key, headers, value) {
  const messages = contract.get(topic);
  if (!messages) return [`no channel for topic ${topic}`];
  const errors = [];
  if (topic.endsWith('.dlq')) {
    // a dead letter keeps the original value untouched: only its headers are ours to check
    const deadLetter = [...messages.values()][0];
    if (!deadLetter.headers(headers)) errors.push(...deadLetter.headers.errors.map(describe('headers')));
    return errors;
  }
  const message = messages.get(headers.ce_type);
  if (!message) return [`${topic} carries no message of type ${headers.ce_type ?? '(no ce_type header)'}`];
  if (!message.headers(headers)) errors.push(...message.headers.errors.map(describe('headers')));
  if (key !== headers.ce_subject) errors.push(`key ${key} differs from ce_subject ${headers.ce_subject}`);
  let payload;
  try {
    payload = JSON.parse(value ?? '');
  } catch (e) {
    return [...errors, `value is not JSON: ${e.message}`];
  }
  if (!message.payload(payload)) errors.push(...message.payload.errors.map(describe('payload')));
  return errors;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const contract = contractFrom(JSON.parse(fs.readFileSync(opts.asyncapi, 'utf8')));
  const kafka = new Kafka({ clientId: 'external-consumer', brokers: opts.brokers.split(','), logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: opts.group, sessionTimeout: 6000 });

  let count = 0;
  let stopping = null;
  const stop = (why) => {
    stopping ??= (async () => {
      clearTimeout(timer);
      console.error(JSON.stringify({ done: true, reason: why, messages: count }));
      await consumer.disconnect().catch(() => undefined);
      process.exit(0);
    })();
    return stopping;
  };
  const timer = Number.isFinite(opts.timeoutMs) ? setTimeout(() => stop('timeout'), opts.timeoutMs) : undefined;
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

  consumer.on(consumer.events.GROUP_JOIN, () => console.error(JSON.stringify({ ready: true, group: opts.group, topics: opts.topics })));
  await consumer.connect();
  await consumer.subscribe({ topics: opts.topics, fromBeginning: opts.fromBeginning });
  await consumer.run({
    eachMessage: async ({ topic, message }) => {
      if (stopping) return;
      const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(Array.isArray(v) ? v[0] : v)]));
      const key = message.key?.toString() ?? null;
      const errors = check(contract, topic, key, headers, message.value?.toString() ?? null);
      process.stdout.write(`${JSON.stringify({ topic, key, type: headers.ce_type ?? null, valid: errors.length === 0, errors })}\n`);
      count++;
      if (count >= opts.max) void stop('max');
    },
  });
}

main().catch((e) => {
  console.error(JSON.stringify({ error: e.message }));
  process.exit(1);
});

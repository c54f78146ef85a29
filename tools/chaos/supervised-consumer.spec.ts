import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * `superviseConsumer` (scripts/lib/kafkajs.mjs), which keeps the chaos run's own consumers (the
 * payment system, the pickup codes and deadline watches) reading through broker faults: a consumer
 * kafkajs leaves stopped after a crash is made again; one it restarts itself is left to it; after
 * `stop()` nothing is made again. Run against a stand-in for kafkajs's client that records what is
 * asked of each consumer it makes, in a Node process of its own (the helper is an ES module).
 */
const REPO = path.resolve(__dirname, '../..');

const SCRIPT = `
import { EventEmitter } from 'node:events';
import { superviseConsumer } from ${JSON.stringify(path.join(REPO, 'scripts/lib/kafkajs.mjs'))};
const made = [];
const kafka = {
  consumer(config) {
    const c = new EventEmitter();
    const calls = [];
    c.events = { GROUP_JOIN: 'join', CRASH: 'crash' };
    c.connect = async () => calls.push('connect');
    c.subscribe = async (s) => calls.push('subscribe ' + s.topics.join(',') + ' ' + s.fromBeginning);
    c.run = async (r) => { calls.push('run'); c.handler = r.eachMessage; };
    c.disconnect = async () => calls.push('disconnect');
    made.push({ config, calls, c });
    return c;
  },
};
const eachMessage = async () => undefined;
const crashes = [];
const s = await superviseConsumer(kafka, { groupId: 'g', topics: ['t1', 't2'], fromBeginning: true, run: { eachMessage }, onCrash: (e, r) => crashes.push(e.message + ' ' + r) });
made[0].c.emit('join', {});
await s.joined;
const settle = () => new Promise((r) => setTimeout(r, 0));
made[0].c.emit('crash', { payload: { error: new Error('retriable'), restart: true } });
await settle();
const afterRetriable = made.length;
made[0].c.emit('crash', { payload: { error: new Error('for good'), restart: false } });
for (let i = 0; i < 50 && made.length < 2; i++) await settle();
await settle();
await s.stop();
made[1].c.emit('crash', { payload: { error: new Error('after stop'), restart: false } });
await settle();
console.log(JSON.stringify({
  afterRetriable,
  made: made.length,
  groupIds: made.map((m) => m.config.groupId),
  calls: made.map((m) => m.calls),
  sameHandler: made[1].c.handler === eachMessage,
  crashes,
}));
`;

it('makes a consumer that crashed for good again, leaves kafkajs its own restarts, and stops for good', () => {
  const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', SCRIPT], { cwd: REPO, encoding: 'utf8' }));
  expect(out.afterRetriable).toBe(1);
  expect(out.made).toBe(2);
  expect(out.groupIds).toEqual(['g', 'g']);
  expect(out.calls).toEqual([
    ['connect', 'subscribe t1,t2 true', 'run', 'disconnect'],
    ['connect', 'subscribe t1,t2 true', 'run', 'disconnect'],
  ]);
  expect(out.sameHandler).toBe(true);
  expect(out.crashes).toEqual(['retriable true', 'for good false', 'after stop false']);
});

// `npm start`: installs what is missing (Node 24 when the machine's Node is older, npm packages,
// Kafka's jars), starts PostgreSQL (DATABASE_URL or embedded), a real Kafka broker and the four
// services under supervision, starts the stand-in payment system and notifier, runs the demo
// journeys, serves the store console, and keeps everything running until Ctrl-C, SIGINT or SIGTERM.
//   npm start -- --exit-after-demo     stop everything after the demo (used to check the script)
// Only builtins and setup scripts are imported statically: nothing from node_modules may be
// loaded before ensureNpmPackages() has installed it (a fresh clone has no node_modules).
import { createRequire } from 'node:module';
import { runOnNode24 } from './lib/node-runtime.mjs';
import { build, ensureKafka, ensureNpmPackages, step } from './lib/setup.mjs';

await runOnNode24();

const exitAfterDemo = process.argv.includes('--exit-after-demo');
let stopStack = null;
let downstream = null;
let storeConsole = null;
let shuttingDown = null;

function shutdown(code, why) {
  shuttingDown ??= (async () => {
    if (why) console.log(`\n▶ ${why}: stopping everything`);
    await storeConsole?.close().catch(() => undefined);
    await downstream?.stop().catch(() => undefined);
    await stopStack?.();
    process.exit(code);
  })();
  return shuttingDown;
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => shutdown(0, signal));
// Whatever fails, nothing started is left behind (the broker runs in its own process group).
for (const event of ['uncaughtException', 'unhandledRejection']) {
  process.on(event, (e) => {
    console.error(`\n✘ ${e?.stack ?? e}`);
    shutdown(1);
  });
}

async function main() {
  ensureNpmPackages();
  await ensureKafka();
  build();
  const { DEFAULT_SERVICES, startLocalStack } = await import('./lib/stack.mjs');
  const { startDownstream } = await import('./demo/downstream.mjs');
  const { runDemo } = await import('./demo/journeys.mjs');
  const { mintToken } = await import('./tools/mint-token.mjs');
  if (shuttingDown) return;

  const stack = await startLocalStack({ kafkaPort: Number(process.env.KAFKA_PORT ?? 19092), onStop: (stop) => (stopStack = stop) });
  // The stand-ins stay up for as long as npm start runs: orders placed after the demo get their payment answers too.
  downstream = await startDownstream({ brokers: stack.brokers });
  step('stand-ins: a payment system and a notifier answer the services over Kafka (scripts/demo/downstream.mjs)');
  const demo = await runDemo({ services: DEFAULT_SERVICES, downstream, mintToken });
  console.log('\n✔ demo: every journey completed');
  // The store console (docs/console.md), compiled with the services; its sign-in signs with the dev key.
  const { startConsole } = createRequire(import.meta.url)('../dist/apps/console/src/console.server.js');
  const services = Object.fromEntries(Object.entries(DEFAULT_SERVICES).map(([name, port]) => [name, `http://127.0.0.1:${port}`]));
  // Who may step up as a store supervisor (lift a locked pickup): CONSOLE_SUPERVISORS, comma-separated associate ids.
  const supervisors = (process.env.CONSOLE_SUPERVISORS ?? 'supervisor-1')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  storeConsole = await startConsole({
    services,
    mint: (claims, options) => mintToken(claims, options),
    supervisors: () => supervisors,
    port: Number(process.env.CONSOLE_PORT ?? 3000),
  });
  step(`store console: ${storeConsole.url} (sign in as store ${demo.store}, any associate; supervisor ${supervisors[0] ?? 'none'})`);
  if (exitAfterDemo) return shutdown(0);
  console.log('\nRunning: the services, Kafka, PostgreSQL and the stand-ins. A service that exits is restarted. Press Ctrl-C to stop everything.');
}

main().catch((e) => {
  console.error(`\n✘ ${e.message}`);
  return shutdown(1);
});

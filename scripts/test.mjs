// `npm test`: installs what is missing, then type check, lint (module boundaries included), unit
// tests, and integration + end-to-end tests on a real Kafka broker and PostgreSQL.
import { runOnNode24 } from './lib/node-runtime.mjs';
import { build, ensureChromium, ensureKafka, ensureKubectl, ensureNpmPackages, ensurePromtool, run, step } from './lib/setup.mjs';

await runOnNode24();

try {
  ensureNpmPackages();
  await ensureKafka();
  ensureKubectl();
  ensureChromium();
  ensurePromtool();
  build();
  step('lint (eslint, with Nx module boundaries)');
  // The boundary rule reads Nx's cached project graph and silently skips itself without one.
  run('npx', ['nx', 'show', 'projects'], { quiet: true });
  run('npx', ['eslint', 'apps', 'libs', 'scripts', 'tools', '--max-warnings=0']);
  step('format (prettier --check; npm run format rewrites)');
  run('npx', ['prettier', '--check', '.'], { quiet: true });
  step('unit tests');
  run('npx', ['jest', '--selectProjects', 'unit', '--ci']);
  step('integration and end-to-end tests (real Kafka and PostgreSQL)');
  run('npx', ['jest', '--selectProjects', 'integration', '--ci', '--runInBand']);
  console.log('\n✔ all checks passed');
} catch (e) {
  console.error(`\n✘ ${e.message}`);
  process.exit(1);
}

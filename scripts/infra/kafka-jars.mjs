// Kafka's jars, pinned in tools/kafka/pom.xml, copied by Maven from Maven Central into
// .cache/kafka/lib, again only when the pom changes. Only builtins and scripts/lib are imported:
// fetching the jars needs no npm package.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { REPO } from '../lib/setup.mjs';

const POM = path.join(REPO, 'tools/kafka/pom.xml');
const DEFAULT_CACHE = path.join(REPO, '.cache/kafka');

const sha256 = (file) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Copy the jars pinned in tools/kafka/pom.xml into <cacheDir>/lib (only when needed). */
export function ensureKafkaJars({ cacheDir = DEFAULT_CACHE } = {}) {
  const lib = path.join(cacheDir, 'lib');
  const stamp = path.join(cacheDir, 'pom.sha256');
  const want = sha256(POM);
  const have = fs.existsSync(stamp) ? fs.readFileSync(stamp, 'utf8').trim() : null;
  if (fs.existsSync(lib) && have === want) return lib;

  console.log(`kafka: fetching Kafka jars (tools/kafka/pom.xml) with Maven into ${lib}`);
  fs.mkdirSync(cacheDir, { recursive: true });
  // Copy into a fresh temp dir and swap it in: copy-dependencies into the old lib would
  // leave jars of the previous version on the classpath next to the new ones.
  const tmp = `${lib}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  const mvn = spawnSync(
    'mvn',
    ['-B', '-q', '-f', POM, 'dependency:copy-dependencies', `-DoutputDirectory=${tmp}`, '-DincludeScope=runtime'],
    // Captured, shown only on failure: Maven logs its errors to stdout, and with -q a
    // successful run still prints stray ANSI reset codes.
    { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' },
  );
  if (mvn.error) throw new Error(`kafka: cannot run mvn (is Maven installed?): ${mvn.error.message}`);
  if (mvn.status !== 0) {
    fs.rmSync(tmp, { recursive: true, force: true });
    const log = (mvn.stdout + mvn.stderr).replace(/\x1b\[[0-9;]*m/g, '').trim();
    throw new Error(`kafka: mvn dependency:copy-dependencies failed (exit ${mvn.status})\n${log}`);
  }
  fs.rmSync(lib, { recursive: true, force: true });
  fs.renameSync(tmp, lib);
  fs.writeFileSync(stamp, `${want}\n`);
  return lib;
}

/** The Kafka version of the jars in `lib` (from kafka_2.13-<version>.jar). */
export function kafkaVersion(lib) {
  const jar = fs.readdirSync(lib).find((f) => /^kafka_2\.\d+-.+\.jar$/.test(f));
  return jar ? jar.replace(/^kafka_2\.\d+-(.+)\.jar$/, '$1') : 'unknown';
}

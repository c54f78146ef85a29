// Regenerates docs/asyncapi.json from libs/contracts and brings the released snapshots
// (libs/contracts/released/) forward; refuses (exit 1) to record a breaking change. Run after `tsc`:
//   node -r ./scripts/register-paths.cjs dist/tools/contracts/export-contracts.js
import { exportContracts } from './contract-files';

const { asyncapi, snapshotsWritten, refused } = exportContracts();
console.log(`wrote ${asyncapi}`);
for (const file of snapshotsWritten) console.log(`released ${file}`);
for (const problem of refused) console.error(problem);
if (refused.length > 0) process.exitCode = 1;

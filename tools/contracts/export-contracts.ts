// Regenerates docs/asyncapi.json from libs/contracts and snapshots every event version not yet
// released (libs/contracts/released/). Run after `tsc`:
//   node -r ./scripts/register-paths.cjs dist/tools/contracts/export-contracts.js
import { exportContracts } from './contract-files';

const { asyncapi, snapshotsWritten } = exportContracts();
console.log(`wrote ${asyncapi}`);
for (const file of snapshotsWritten) console.log(`released ${file}`);

// Resolves the workspace's `@omni/*` path aliases in compiled code under dist/, the way the
// TypeScript compiler resolves them in source. Loaded with `node -r` when a service starts.
const path = require('node:path');
const tsconfigPaths = require('tsconfig-paths');
const { compilerOptions } = require('../tsconfig.base.json');

tsconfigPaths.register({ baseUrl: path.join(__dirname, '..', 'dist'), paths: compilerOptions.paths });

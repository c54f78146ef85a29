// Lint rules that keep the architecture true (see docs/adr/0001 and STYLE.md):
// apps never import each other; contracts import no framework; domain code imports no framework.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const VALIDATION_PATH = {
  name: 'class-validator',
  importNames: ['IsOptional', 'ValidateNested'],
  message: 'use Optional(), NestedObject() or NestedArray() from @omni/platform: null and arrays are refused where the OpenAPI document says so',
};

// Specs, and helpers that live beside them in test/ folders, may use libs/testing.
const TEST_FILES = ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', '**/test/**/*.ts'];

/** Which projects may import which. Tests may also use libs/testing (builders, harness). */
function boundaries(forTests) {
  const t = forTests ? ['type:testing'] : [];
  return {
    enforceBuildableLibDependency: false,
    allow: [],
    banTransitiveDependencies: false,
    depConstraints: [
      { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:contracts', 'type:messaging', 'type:platform', ...t] },
      { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:contracts'] },
      { sourceTag: 'type:messaging', onlyDependOnLibsWithTags: ['type:contracts', 'type:platform', ...t] },
      { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:contracts', ...t] },
      // Repository tooling (contract and OpenAPI export, checks) may use the shared libraries; it loads apps by path, never imports them.
      { sourceTag: 'type:tooling', onlyDependOnLibsWithTags: ['type:contracts', 'type:messaging', 'type:platform', 'type:testing'] },
      {
        sourceTag: 'type:contracts',
        onlyDependOnLibsWithTags: [...t],
        bannedExternalImports: ['@nestjs/*', 'typeorm', 'kafkajs', 'pg', 'class-validator', 'class-transformer'],
      },
      { sourceTag: 'scope:order', onlyDependOnLibsWithTags: ['scope:order', 'scope:shared'] },
      { sourceTag: 'scope:inventory', onlyDependOnLibsWithTags: ['scope:inventory', 'scope:shared'] },
      { sourceTag: 'scope:returns', onlyDependOnLibsWithTags: ['scope:returns', 'scope:shared'] },
      { sourceTag: 'scope:customer', onlyDependOnLibsWithTags: ['scope:customer', 'scope:shared'] },
    ],
  };
}

export default tseslint.config(
  { ignores: ['**/dist', '**/node_modules', '.cache/**', '.nx/**', 'coverage/**', 'apps/console/web/api/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': ['error', boundaries(false)],
    },
  },
  {
    // One validation mechanism for every request (docs/adr/0014-request-validation.md): IsOptional
    // lets null through and ValidateNested lets an array stand for an object; their project
    // replacements refuse both. The domain has its own rule below.
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: ['apps/*/src/domain/**', 'libs/platform/src/validation/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [VALIDATION_PATH],
        },
      ],
    },
  },
  {
    // Controllers call the application — use cases, and each service's read side (<Service>Queries)
    // — never a repository or the ORM (docs/architecture.md, Layout).
    files: ['apps/*/src/infrastructure/*.http.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['typeorm', './*.repository'],
              allowTypeImports: true,
              message: "a controller calls a use case or the service's queries, not a repository (its types may be imported)",
            },
          ],
        },
      ],
    },
  },
  {
    // Domain code is plain TypeScript: no framework, no ORM, no broker, no clock of its own.
    files: ['apps/*/src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@nestjs/*', 'typeorm', 'kafkajs', 'pg', '@omni/messaging', '@omni/platform'], message: 'domain code imports no framework (STYLE.md)' },
            { group: ['**/application/**', '**/infrastructure/**'], message: 'domain imports nothing from application or infrastructure' },
          ],
        },
      ],
    },
  },
  {
    // The application layer owns the ports it needs (application/ports); infrastructure implements
    // them and the module wires them. A use case never reaches for a repository, a client or the
    // HTTP edge directly, so it reads as load → decide → save against interfaces of its own.
    files: ['apps/*/src/application/**/*.ts'],
    ignores: TEST_FILES,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [VALIDATION_PATH],
          patterns: [
            {
              group: ['**/infrastructure', '**/infrastructure/**'],
              message: 'application code depends on its ports (application/ports), not on infrastructure',
            },
          ],
        },
      ],
    },
  },
  {
    files: TEST_FILES,
    rules: { '@nx/enforce-module-boundaries': ['error', boundaries(true)] },
  },
  {
    // A file a newcomer reads fits in a few screens; split by topic past that (tools/lint/file-size.spec.ts checks bytes too).
    files: ['**/*.ts', '**/*.mjs', '**/*.cjs', '**/*.js'],
    rules: { 'max-lines': ['error', { max: 400 }] },
  },
  {
    files: ['scripts/**/*.mjs', 'tools/**/*.mjs', '*.mjs', '*.cjs', 'scripts/**/*.cjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        require: 'readonly',
        __dirname: 'readonly',
        module: 'writable',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);

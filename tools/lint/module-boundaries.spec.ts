import { spawnSync } from 'node:child_process';
import path from 'node:path';

const REPO = path.resolve(__dirname, '../..');

/** Lints `code` as if it were the file at `filePath`; returns the rule ids that fired. */
function lint(filePath: string, code: string): string[] {
  const r = spawnSync(process.execPath, [path.join(REPO, 'node_modules/eslint/bin/eslint.js'), '--stdin', '--stdin-filename', filePath, '--format', 'json'], {
    cwd: REPO,
    input: code,
    encoding: 'utf8',
  });
  const [result] = JSON.parse(r.stdout) as { messages: { ruleId: string | null; message: string }[] }[];
  return result.messages.map((m) => m.ruleId ?? m.message);
}

/**
 * The architecture rules are only worth having if they fail. The Nx rule silently skips itself
 * without a project graph, so each case here must see it fire (npm test builds the graph first).
 */
describe('module boundaries', () => {
  beforeAll(() => {
    // The rule reads Nx's cached project graph; build it so this spec stands on its own.
    const nx = spawnSync(process.execPath, [path.join(REPO, 'node_modules/nx/dist/bin/nx.js'), 'show', 'projects'], {
      cwd: REPO,
      encoding: 'utf8',
      env: { ...process.env, NX_DAEMON: 'false' },
    });
    if (nx.status !== 0) throw new Error(`nx show projects failed: ${nx.stderr}`);
  });

  it.each([
    [
      'an app importing another app',
      'apps/order/src/application/probe.ts',
      `import { InventoryModule } from '../../../inventory/src/inventory.module';\nexport const x = InventoryModule;\n`,
      '@nx/enforce-module-boundaries',
    ],
    [
      'production code importing the test library',
      'apps/order/src/application/probe.ts',
      `import { eventually } from '@omni/testing';\nexport const x = eventually;\n`,
      '@nx/enforce-module-boundaries',
    ],
    [
      'contracts importing a framework',
      'libs/contracts/src/probe.ts',
      `import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n`,
      '@nx/enforce-module-boundaries',
    ],
    [
      'contracts importing messaging',
      'libs/contracts/src/probe.ts',
      `import { OutboxWriter } from '@omni/messaging';\nexport const x = OutboxWriter;\n`,
      '@nx/enforce-module-boundaries',
    ],
    [
      'domain code importing the ORM',
      'apps/order/src/domain/probe.ts',
      `import { DataSource } from 'typeorm';\nexport const x = DataSource;\n`,
      'no-restricted-imports',
    ],
    [
      'domain code importing infrastructure',
      'apps/order/src/domain/probe.ts',
      `import { orderRepository } from '../infrastructure/order.repository';\nexport const x = orderRepository;\n`,
      'no-restricted-imports',
    ],
  ])('refuses %s', (_what, file, code, rule) => {
    expect(lint(file, code)).toContain(rule);
  });

  it('accepts an app using contracts and messaging', () => {
    expect(
      lint(
        'apps/order/src/application/probe.ts',
        `import { OrderPlacedV1 } from '@omni/contracts';\nimport { OutboxWriter } from '@omni/messaging';\nexport const x = [OrderPlacedV1, OutboxWriter];\n`,
      ),
    ).toEqual([]);
  });
});

import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => m.ruleId ?? m.message);
}

describe('lint keeps src/engine pure', () => {
  it.each([
    ["import { readFileSync } from 'node:fs';\nexport const x = readFileSync;", 'no-restricted-imports'],
    ["import { render } from 'ink';\nexport const x = render;", 'no-restricted-imports'],
    ["import { openStore } from '../../store/store.js';\nexport const x = openStore;", 'no-restricted-imports'],
    ['export const now = () => Date.now();', 'no-restricted-properties'],
    ['export const r = () => Math.random();', 'no-restricted-properties'],
    ['export const e = () => process.env;', 'no-restricted-globals'],
  ])('rejects %j in the engine', async (code, rule) => {
    expect(await ruleIds(code, 'src/engine/sim/example.ts')).toContain(rule);
  });

  it('allows the same Node import outside the engine', async () => {
    expect(
      await ruleIds(
        "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;",
        'src/content/example.ts',
      ),
    ).toEqual([]);
  });
});

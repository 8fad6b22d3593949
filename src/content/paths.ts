import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cachedRoot: string | undefined;

/**
 * The installed package's root (where package.json, questions/ and dist/ live). Works from the
 * bundle (dist/cli.js), from sources under vitest (src/content/paths.ts) and from an npm install.
 */
export function packageRoot(): string {
  if (cachedRoot) return cachedRoot;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if (JSON.parse(readFileSync(manifest, 'utf8')).name === 'gocoffee-drill') return (cachedRoot = dir);
      } catch {
        // not ours; keep walking up
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('gocoffee-drill: cannot find the package root');
    dir = parent;
  }
}

/** The built-in question bank: questions/ (with checklist.yaml and scenarios/). */
export function builtinQuestionsDir(): string {
  return join(packageRoot(), 'questions');
}

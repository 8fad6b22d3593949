import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';

const root = join(new URL('../..', import.meta.url).pathname);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

describe('npm pack → install elsewhere (what npx runs)', () => {
  it('the installed bin prints its version and the checklist', () => {
    const packDir = tempDir('gcd-pack-');
    const prefix = tempDir('gcd-prefix-');
    const dataDir = tempDir('gcd-data-');
    // The suite built dist/ already; prepack's rebuild would pull it from under the other e2e tests.
    execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', packDir, '--silent'], {
      cwd: root,
      stdio: 'pipe',
    });
    const tarball = join(
      packDir,
      readdirSync(packDir).find((f) => f.endsWith('.tgz'))!,
    );
    // The bundle carries every library, so the install needs nothing from the registry.
    execFileSync('npm', ['install', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', '--silent', tarball], {
      stdio: 'pipe',
    });
    const bin = join(prefix, 'node_modules', '.bin', 'gocoffee-drill');
    const env = { ...process.env, GOCOFFEE_DRILL_HOME: dataDir };
    expect(execFileSync(bin, ['--version'], { encoding: 'utf8', env }).trim()).toBe(pkg.version);
    const doc = JSON.parse(execFileSync(bin, ['checklist', '--json'], { encoding: 'utf8', env }));
    expect(doc.progress.total).toBe(20);
    expect(doc.sections).toHaveLength(4);
    const installed = readdirSync(join(prefix, 'node_modules')).filter((d) => !d.startsWith('.'));
    expect(installed).toEqual(['gocoffee-drill']);
  }, 120_000);
});

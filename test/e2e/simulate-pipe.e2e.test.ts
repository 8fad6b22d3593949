import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/tmux.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('simulate into a pipe that closes early', () => {
  it.each(['head -c 100', 'true'])('--json | %s: exits 0 with nothing on stderr (no EPIPE stack)', (reader) => {
    const dir = tempDir();
    const script = `node "${BIN}" simulate retry-storm --json 2>"${join(dir, 'err')}" | ${reader} >/dev/null; echo "\${PIPESTATUS[0]}" >"${join(dir, 'code')}"`;
    spawnSync('bash', ['-c', script], { env: { ...process.env, GOCOFFEE_DRILL_HOME: dir } });
    expect(readFileSync(join(dir, 'err'), 'utf8')).toBe('');
    expect(readFileSync(join(dir, 'code'), 'utf8').trim()).toBe('0');
  });
});

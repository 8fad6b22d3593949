import { afterEach, describe, expect, it } from 'vitest';
import { BIN, TmuxSession } from '../helpers/tmux.js';
import { tempDir } from '../helpers/temp-dir.js';

const sessions: TmuxSession[] = [];
afterEach(() => sessions.splice(0).forEach((s) => s.kill()));

/** SGR parameters that set a colour (39 and 49, "default colour", are what no colour looks like). */
function colourCodes(styled: string): string[] {
  const found: string[] = [];
  for (const [, params] of styled.matchAll(/\u001b\[([\d;:]*)m/g)) {
    for (const param of params.split(';')) {
      const code = Number(param.split(':')[0]);
      if (
        (code >= 30 && code <= 38) ||
        (code >= 40 && code <= 48) ||
        (code >= 90 && code <= 97) ||
        (code >= 100 && code <= 107)
      )
        found.push(param);
    }
  }
  return found;
}

async function homeScreen(env: Record<string, string>): Promise<string> {
  const session = new TmuxSession(`node ${BIN}`, { GOCOFFEE_DRILL_HOME: tempDir(), ...env }, { columns: 80, rows: 24 });
  sessions.push(session);
  await session.waitFor('Capacity calculator');
  return session.styledScreen();
}

describe('colour in a real terminal', () => {
  it.each<[string, Record<string, string>, boolean]>([
    ['by default', {}, true],
    ['NO_COLOR=1', { NO_COLOR: '1' }, false],
    ['NO_COLOR=1 with FORCE_COLOR=1 (forcing wins)', { NO_COLOR: '1', FORCE_COLOR: '1' }, true],
  ])('%s', async (_name, env, coloured) => {
    const styled = await homeScreen(env);
    expect(colourCodes(styled).length > 0).toBe(coloured);
    // Without colour the selection still stands out: bold stays.
    expect(styled).toMatch(/\u001b\[1m/);
  });
});

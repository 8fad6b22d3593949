import { afterEach, describe, expect, it } from 'vitest';
import { CONTINUATION, wrapLines } from '../../src/ui/components/wrap-lines.js';
import { footerHints } from '../../src/ui/components/footer.js';
import { configureTheme, paint, stripColour, theme } from '../../src/ui/theme.js';

const plain = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');

describe('wrapLines', () => {
  it('a long Go line at 80 columns: two rows, the second marked ↪, nothing lost', () => {
    const line =
      `\t\tdelay := baseDelay * time.Duration(1<<attempt) // Exponential backoff before the next attempt ok`.replace(
        /\t/g,
        '    ',
      );
    expect(line).toHaveLength(104);
    const rows = wrapLines([line], 80).map(plain);
    expect(rows).toHaveLength(2);
    expect(rows[1].startsWith(CONTINUATION)).toBe(true);
    // Broken at a space: the words come back whole when the rows are joined.
    expect(rows[0] + ' ' + rows[1].slice(CONTINUATION.length)).toBe(line);
    for (const row of rows) expect(row.length).toBeLessThanOrEqual(80);
  });

  it('keeps colour across the break and short lines as they are', () => {
    const rows = wrapLines(['\u001b[33m' + 'x'.repeat(30) + '\u001b[39m', 'short'], 20);
    expect(rows.map(plain)).toEqual(['x'.repeat(20), `${CONTINUATION}${'x'.repeat(10)}`, 'short']);
    expect(rows[1]).toContain('\u001b[33m');
  });
});

describe('footerHints', () => {
  it.each([40, 60, 80, 120])('at %i columns it fits and always ends with the key help', (width) => {
    const text = footerHints(['calculator', 'help'], width);
    expect(text.length).toBeLessThanOrEqual(width);
    expect(text.endsWith('? keys')).toBe(true);
    // q is typed into a field on the calculator: never offered there.
    expect(text).not.toContain('q quit');
  });

  it("where ? may be typed, it names ctrl+g too; the screen's own keys come first", () => {
    expect(footerHints(['drill', 'typing', 'global'], 79)).toBe(
      'ctrl+d done · ctrl+t hint · esc leave · ctrl+b back a step · ?/ctrl+g keys',
    );
    expect(footerHints(['drill', 'typing', 'global'], 99)).toBe(
      'ctrl+d done · ctrl+t hint · esc leave · ctrl+b back a step · ctrl+e editor · ?/ctrl+g keys',
    );
  });
});

describe('theme and NO_COLOR', () => {
  afterEach(() => configureTheme({}));

  it('NO_COLOR removes every colour and keeps bold', () => {
    configureTheme({ NO_COLOR: '1' });
    expect(theme.accent).toBeUndefined();
    expect(theme.bad).toBeUndefined();
    expect(paint.good('ok')).toBe('ok');
    expect(stripColour('\u001b[1m\u001b[33mbold yellow\u001b[39m\u001b[22m \u001b[38;5;208mo\u001b[0m')).toBe(
      '\u001b[1mbold yellow\u001b[22m o\u001b[0m',
    );
  });

  it('colour is on without it, and an empty NO_COLOR does not count', () => {
    configureTheme({ NO_COLOR: '' });
    expect(theme.accent).toBe('cyan');
    expect(paint.good('ok')).toBe('\u001b[32mok\u001b[39m');
  });
});

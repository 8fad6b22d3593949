import { describe, expect, it } from 'vitest';
import ansiEscapes from 'ansi-escapes';
import { LineDiffWriter, eraseLines } from '../../src/ui/line-diff-output.js';

/** A tiny terminal: enough of VT100 to replay what Ink and the writer emit (text, \r, \n, CSI A/G/2K). */
class Screen {
  rows: string[] = [''];
  row = 0;
  col = 0;
  write(text: string): void {
    for (let i = 0; i < text.length; i += 1) {
      const csi = /^\u001B\[(\d*)([AGK])/.exec(text.slice(i));
      if (csi) {
        const n = Number(csi[1] || 1);
        if (csi[2] === 'A') this.row = Math.max(0, this.row - n);
        else if (csi[2] === 'G') this.col = 0;
        else this.rows[this.row] = '';
        i += csi[0].length - 1;
      } else if (text[i] === '\r') this.col = 0;
      else if (text[i] === '\n') {
        this.row += 1;
        this.col = 0;
        while (this.rows.length <= this.row) this.rows.push('');
      } else {
        const line = this.rows[this.row].padEnd(this.col);
        this.rows[this.row] = line.slice(0, this.col) + text[i] + line.slice(this.col + 1);
        this.col += 1;
      }
    }
  }
}

/** What Ink 6.8 writes for a frame: the previous frame erased, then the new one and a newline. */
function inkFrames(frames: string[][]): string[] {
  let previous = 0;
  return frames.map((lines) => {
    const str = `${lines.join('\n')}\n`;
    const chunk = eraseLines(previous) + str;
    previous = str.split('\n').length;
    return chunk;
  });
}

describe('repainting only the lines that change', () => {
  it.each([0, 1, 2, 7])('recognises the erase Ink writes before a frame of %i lines (ansi-escapes)', (n) => {
    expect(eraseLines(n)).toBe(ansiEscapes.eraseLines(n));
  });

  // Frames carry colour: the first line starts with an SGR sequence, as Ink's title does.
  const a = ['\u001B[1m\u001B[36mtitle\u001B[39m\u001B[22m', '', 'Phase 0:12 left', 'prompt line one', 'prompt line two', 'footer'];
  const b = [a[0], '', 'Phase 0:11 left', 'prompt line one', 'prompt line two', 'footer'];

  it('a frame that differs in one line is written as that line alone', () => {
    const writer = new LineDiffWriter();
    const [first, second] = inkFrames([a, b]);
    expect(writer.transform(first)).toBe(first);
    const out = writer.transform(second);
    expect(out).toContain('Phase 0:11 left');
    for (const same of ['title', 'prompt line one', 'prompt line two', 'footer']) expect(out).not.toContain(same);
  });

  it.each([
    ['same height', [a, b]],
    ['a shorter frame erases the lines it no longer has', [a, ['title', 'Paused', 'footer']]],
    ['a taller frame adds its lines', [['title', 'footer'], a, b]],
    ['several frames in a row', [a, b, a, ['x'], a]],
  ])('the screen ends exactly as Ink would leave it: %s', (_name, frames) => {
    const plain = new Screen();
    const diffed = new Screen();
    const writer = new LineDiffWriter();
    for (const chunk of inkFrames(frames)) {
      plain.write(chunk);
      diffed.write(writer.transform(chunk));
    }
    const last = frames[frames.length - 1];
    expect(diffed.rows.slice(0, last.length)).toEqual(last);
    expect(diffed.rows.slice(last.length).every((r) => r === '')).toBe(true);
    expect([diffed.row, diffed.col]).toEqual([plain.row, plain.col]);
  });

  it('anything that is not a repaint passes through, and the next repaint is passed whole', () => {
    const writer = new LineDiffWriter();
    const [first, second] = inkFrames([a, b]);
    writer.transform(first);
    expect(writer.transform('\u001B[?2026h')).toBe('\u001B[?2026h');
    const clear = `\u001B[2J\u001B[3J\u001B[H${a.join('\n')}`;
    expect(writer.transform(clear)).toBe(clear);
    expect(writer.transform(second)).toBe(second);
  });
});

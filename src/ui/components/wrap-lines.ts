/** Marks a row that continues the line above it (a long code line, wrapped). */
export const CONTINUATION = '↪ ';

const SGR = /^\u001b\[[0-9;]*m/;

/**
 * Hard-wrap styled lines (ANSI colour kept) to `width` columns, so that no line is cut without a
 * sign: each continuation row starts with a dim ↪ and carries on the styles open at the break.
 * Columns are counted one per character, which holds for code, prose and the box-drawing we print.
 */
export function wrapLines(lines: readonly string[], width: number): string[] {
  const w = Math.max(4, width);
  return lines.flatMap((line) => wrapLine(line, w));
}

function wrapLine(line: string, width: number): string[] {
  const rows: string[] = [];
  let row = '';
  let visible = 0;
  let room = width;
  let open = '';
  for (let k = 0; k < line.length; ) {
    const escape = SGR.exec(line.slice(k, k + 24));
    if (escape) {
      row += escape[0];
      open = escape[0] === '\u001b[0m' || escape[0] === '\u001b[m' ? '' : open + escape[0];
      k += escape[0].length;
      continue;
    }
    const char = String.fromCodePoint(line.codePointAt(k)!);
    if (visible === room) {
      rows.push(`${row}\u001b[0m`);
      row = `\u001b[2m${CONTINUATION}\u001b[22m${open}`;
      visible = 0;
      room = width - CONTINUATION.length;
    }
    row += char;
    visible += 1;
    k += char.length;
  }
  rows.push(row);
  return rows;
}

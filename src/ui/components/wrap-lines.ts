/** Marks a row that continues the line above it (a long code line, wrapped). */
export const CONTINUATION = '↪ ';

const SGR = /^\u001b\[[0-9;]*m/;
const RESET = '\u001b[0m';

/**
 * Wrap styled lines (ANSI colour kept) to `width` columns, so that no line is cut without a sign:
 * each continuation row starts with a dim ↪ and carries on the styles open at the break. Breaks at
 * a space in the second half of the row, else mid-word. Columns are counted one per character,
 * which holds for code, prose and the box-drawing we print.
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
  // Where the row could break at a space: its offset in `row`, its column, and the styles open there.
  let space: { at: number; column: number; open: string } | undefined;
  const startRow = (rest: string, restVisible: number, styles: string) => {
    row = `\u001b[2m${CONTINUATION}\u001b[22m${styles}${rest}`;
    visible = restVisible;
    room = width - CONTINUATION.length;
    space = undefined;
  };
  for (let k = 0; k < line.length;) {
    const escape = SGR.exec(line.slice(k, k + 24));
    if (escape) {
      row += escape[0];
      open = escape[0] === RESET || escape[0] === '\u001b[m' ? '' : open + escape[0];
      k += escape[0].length;
      continue;
    }
    const char = String.fromCodePoint(line.codePointAt(k)!);
    if (visible === room) {
      if (space && space.column > room / 2) {
        const rest = row.slice(space.at + 1);
        rows.push(`${row.slice(0, space.at)}${RESET}`);
        startRow(rest, visible - space.column - 1, space.open);
      } else {
        rows.push(`${row}${RESET}`);
        startRow('', 0, open);
      }
    }
    if (char === ' ' && visible > 0) space = { at: row.length, column: visible, open };
    row += char;
    visible += 1;
    k += char.length;
  }
  rows.push(row);
  return rows;
}

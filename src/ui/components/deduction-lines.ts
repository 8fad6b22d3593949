import { sanitizeText } from '../../engine/text/sanitize.js';
import { wrapText } from '../../engine/text/wrap.js';

/** `first` then `rest` before the wrapped lines of `text` (sanitized), each line coloured. */
export function hangingLines(
  text: string,
  width: number,
  first: string,
  rest: string,
  colour: (s: string) => string = (s) => s,
): string[] {
  return wrapText(sanitizeText(text), Math.max(10, width - first.length)).map((line, k) =>
    colour(`${k === 0 ? first : rest}${line}`),
  );
}

/** A loss of points as the review and History show it: points and reason, then the correction (→), wrapped. */
export function deductionLines(
  d: { reason: string; points?: number; correction?: string },
  width: number,
  colour: (s: string) => string,
): string[] {
  const lead = d.points === undefined ? '  − ' : `  −${Math.abs(d.points)} `;
  return [
    ...hangingLines(d.reason, width, lead, ' '.repeat(lead.length), colour),
    ...(d.correction ? hangingLines(d.correction, width, '      → ', '        ') : []),
  ];
}

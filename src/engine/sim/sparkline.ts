const BARS = ' ▁▂▃▄▅▆▇█';

/** One row of bars for a series, squeezed into `width` columns (each column the max of its seconds). */
export function sparkline(values: number[], width: number): { line: string; max: number } {
  if (values.length === 0) return { line: '', max: 0 };
  const cols = Math.max(1, Math.min(width, values.length));
  const per = values.length / cols;
  const squeezed = Array.from({ length: cols }, (_, c) =>
    Math.max(...values.slice(Math.floor(c * per), Math.max(Math.floor(c * per) + 1, Math.floor((c + 1) * per)))),
  );
  const max = Math.max(...squeezed);
  const line = squeezed.map((v) => (max <= 0 ? BARS[0] : BARS[Math.round((v / max) * (BARS.length - 1))])).join('');
  return { line, max };
}

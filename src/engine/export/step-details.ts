/**
 * What a stored step may carry beyond the core record, read defensively: the grading work adds
 * `deductions` ({ reason, points }) and misconceptions, and mock reports add phases; older stores
 * and other builds have none of them.
 */
export interface Deduction {
  reason: string;
  points?: number;
  /** The line that corrects it (misconceptions, stances, numbers). */
  correction?: string;
}

export function deductionsOf(record: unknown): Deduction[] {
  const list = field(record, 'deductions');
  if (!Array.isArray(list)) return [];
  return list.flatMap((d): Deduction[] => {
    if (typeof d === 'string') return [{ reason: d }];
    const reason = field(d, 'reason') ?? field(d, 'message');
    const points = field(d, 'points');
    const correction = field(d, 'correction');
    if (typeof reason !== 'string') return [];
    return [
      {
        reason,
        points: typeof points === 'number' ? points : undefined,
        ...(typeof correction === 'string' ? { correction } : {}),
      },
    ];
  });
}

/**
 * The misconceptions a step's answer showed: from a `misconceptions` list (strings, or objects
 * with a phrase, label, id or reason), or deductions of kind "misconception".
 */
export function misconceptionsOf(record: unknown): string[] {
  const list = field(record, 'misconceptions');
  const source = Array.isArray(list)
    ? list
    : asArray(field(record, 'deductions')).filter((d) => field(d, 'kind') === 'misconception');
  // The grading words a misconception's deduction "misconception: <phrase>"; the phrase names it.
  return source
    .map(nameOf)
    .filter((name): name is string => name !== undefined)
    .map((name) => name.replace(/^misconception:\s*/i, ''));
}

function nameOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  for (const key of ['label', 'phrase', 'misconception', 'id', 'reason']) {
    const text = field(value, key);
    if (typeof text === 'string') return text;
  }
  return undefined;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A property of an unknown value, or undefined. */
export function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

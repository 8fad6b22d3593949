/**
 * Zod's issues as this app's one-line problems: a field path and a message that names the field's
 * rule (its range, its allowed values, the fields it knows). Shared by every validator (questions,
 * scenarios, the store), so a file's problems read the same wherever it is checked.
 */
import * as z from 'zod/mini';

/** Where a problem is: keys and list indexes from the document's root. */
export type FieldPath = Array<string | number>;

/** One problem with one field. */
export interface FieldProblem {
  path: FieldPath;
  message: string;
}

/** A value as the user wrote it in YAML: `.nan`, `.inf`, `"text"`, `nothing` for an absent one. */
export function describe(v: unknown): string {
  if (typeof v === 'number')
    return Number.isNaN(v) ? '.nan' : v === Infinity ? '.inf' : v === -Infinity ? '-.inf' : String(v);
  if (v === undefined) return 'nothing';
  return JSON.stringify(v) ?? String(v);
}

const TYPE_NAMES: Record<string, string> = {
  object: 'a mapping',
  array: 'a list',
  string: 'text',
  int: 'a whole number',
};

/**
 * The message of an issue no schema words itself. A schema (or one of its checks) may still pass its
 * own `error`, which zod prefers; this is the fallback every validator shares.
 */
export const fieldMessage: z.core.$ZodErrorMap = (iss) => {
  if (iss.code === 'unrecognized_keys')
    return `unknown field (known: ${Object.keys((iss.inst as z.ZodMiniObject | undefined)?._zod.def.shape ?? {}).join(', ')})`;
  if (iss.input === undefined && (iss.code === 'invalid_type' || iss.code === 'invalid_union')) return 'is required';
  switch (iss.code) {
    case 'invalid_type':
      if (iss.expected === 'number') return `must be a number, not ${describe(iss.input)}`;
      if (iss.expected === 'boolean') return `must be true or false, not ${describe(iss.input)}`;
      return `must be ${TYPE_NAMES[iss.expected] ?? iss.expected}`;
    case 'invalid_value':
      return `must be one of ${iss.values.map(String).join(', ')}`;
    case 'too_small':
      if (iss.origin === 'number' || iss.origin === 'int')
        return `must be ${iss.inclusive === false ? 'above' : 'at least'} ${String(iss.minimum)}`;
      if (iss.origin === 'array') return `needs at least ${String(iss.minimum)} entr${iss.minimum === 1 ? 'y' : 'ies'}`;
      if (iss.origin === 'string' && Number(iss.minimum) > 1)
        return `must be at least ${String(iss.minimum)} characters`;
      return 'must be non-empty text';
    case 'too_big':
      if (iss.origin === 'number' || iss.origin === 'int')
        return `must be at most ${Number(iss.maximum).toLocaleString('en-US')}, not ${describe(iss.input)}`;
      // A text over its length (the store's answers, ids, dates) is measured in characters, not entries.
      if (iss.origin === 'string') return `must be at most ${Number(iss.maximum).toLocaleString('en-US')} characters`;
      return `has more than ${String(iss.maximum)} entr${iss.maximum === 1 ? 'y' : 'ies'}`;
    case 'invalid_format':
      return `must match ${iss.format === 'regex' ? String(iss.pattern) : iss.format}`;
    default:
      return `is not valid (${iss.code})`;
  }
};

/**
 * Parse `raw` with `schema`. On failure, one problem per field (the first zod found there: a field
 * over its range is not also reported as "not safe"), an unknown-keys issue split into one problem
 * per unknown key, in the order zod met them.
 */
export function parseFields<T extends z.ZodMiniType>(
  schema: T,
  raw: unknown,
): { data: z.output<T>; problems: [] } | { data?: undefined; problems: FieldProblem[] } {
  const result = schema.safeParse(raw, { error: fieldMessage });
  if (result.success) return { data: result.data, problems: [] };
  return { problems: issueProblems(result.error.issues) };
}

/** Zod issues as problems (see {@link parseFields}). */
export function issueProblems(issues: readonly z.core.$ZodIssue[]): FieldProblem[] {
  const seen = new Set<string>();
  const out: FieldProblem[] = [];
  const add = (path: FieldPath, message: string) => {
    const key = fieldName(path);
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ path, message });
  };
  for (const issue of issues) {
    const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
    if (issue.code === 'unrecognized_keys') for (const key of issue.keys) add([...path, key], issue.message);
    else add(path, issue.message);
  }
  return out;
}

/** `steps[2].rubric[0].weight` from ['steps', 2, 'rubric', 0, 'weight']. */
export function fieldName(path: FieldPath): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
}

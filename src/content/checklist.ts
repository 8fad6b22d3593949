import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ContentError } from '../errors.js';
import { sanitizeDeep } from '../engine/text/sanitize.js';
import type { Checklist } from '../engine/checklist/types.js';

/** A checklist file that cannot be used; the message names the file and field. */
export class ChecklistError extends ContentError {}

/** Read and validate questions/checklist.yaml. */
export function loadChecklist(questionsDir: string): Checklist {
  const path = join(questionsDir, 'checklist.yaml');
  let raw: unknown;
  try {
    raw = sanitizeDeep(parse(readFileSync(path, 'utf8')));
  } catch (error) {
    throw new ChecklistError(`${path}: ${(error as Error).message.split('\n')[0]}`);
  }
  const fail = (field: string, message: string): never => {
    throw new ChecklistError(`${path}: ${field}: ${message}`);
  };
  const root = raw as { title?: unknown; sections?: unknown };
  if (typeof root?.title !== 'string') fail('title', 'must be text');
  if (!Array.isArray(root.sections) || root.sections.length === 0) fail('sections', 'must be a non-empty list');
  const seen = new Set<string>();
  const sections = (root.sections as unknown[]).map((s, i) => {
    const section = s as Record<string, unknown>;
    for (const key of ['id', 'title']) if (typeof section?.[key] !== 'string') fail(`sections[${i}].${key}`, 'must be text');
    if (!Array.isArray(section.items)) fail(`sections[${i}].items`, 'must be a list');
    const items = (section.items as unknown[]).map((it, j) => {
      const item = it as Record<string, unknown>;
      for (const key of ['id', 'text', 'note']) if (typeof item?.[key] !== 'string') fail(`sections[${i}].items[${j}].${key}`, 'must be text');
      if (seen.has(item.id as string)) fail(`sections[${i}].items[${j}].id`, `duplicate id ${item.id}`);
      seen.add(item.id as string);
      return { id: item.id as string, text: item.text as string, note: item.note as string };
    });
    return { id: section.id as string, title: section.title as string, items };
  });
  return { title: root.title as string, sections };
}

import { ContentError } from '../errors.js';
import type { Checklist } from '../engine/checklist/types.js';

/** A checklist file that cannot be used; the message names the file and field. */
export class ChecklistError extends ContentError {}

/** Validate parsed (and sanitized) checklist data; `path` names the file in every message. */
export function checklistFromData(raw: unknown, path: string): Checklist {
  const fail = (field: string, message: string): never => {
    throw new ChecklistError(`${path}: ${field}: ${message}`);
  };
  const root = raw as { title?: unknown; sections?: unknown };
  if (typeof root?.title !== 'string') fail('title', 'must be text');
  if (!Array.isArray(root.sections) || root.sections.length === 0) fail('sections', 'must be a non-empty list');
  const seen = new Set<string>();
  const sections = (root.sections as unknown[]).map((s, i) => {
    const section = s as Record<string, unknown>;
    for (const key of ['id', 'title'])
      if (typeof section?.[key] !== 'string') fail(`sections[${i}].${key}`, 'must be text');
    if (!Array.isArray(section.items)) fail(`sections[${i}].items`, 'must be a list');
    const items = (section.items as unknown[]).map((it, j) => {
      const item = it as Record<string, unknown>;
      for (const key of ['id', 'text', 'note'])
        if (typeof item?.[key] !== 'string') fail(`sections[${i}].items[${j}].${key}`, 'must be text');
      if (seen.has(item.id as string)) fail(`sections[${i}].items[${j}].id`, `duplicate id ${item.id}`);
      seen.add(item.id as string);
      return { id: item.id as string, text: item.text as string, note: item.note as string };
    });
    return { id: section.id as string, title: section.title as string, items };
  });
  return { title: root.title as string, sections };
}

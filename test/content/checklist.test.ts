import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadChecklist } from '../../src/content/checklist.js';
import { builtinQuestionsDir } from '../../src/content/paths.js';
import { tempDir } from '../helpers/temp-dir.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The seed's "Completion Checklist": `### Section` headings followed by `- [ ] item` lines. */
function seedChecklist(): Array<{ title: string; items: string[] }> {
  const seed = readFileSync(new URL('../fixtures/system-design-fundamentals.md', import.meta.url), 'utf8');
  const part = seed.slice(seed.indexOf('Completion Checklist'), seed.indexOf('## 🚀 Next Steps'));
  const sections: Array<{ title: string; items: string[] }> = [];
  for (const line of part.split('\n')) {
    const heading = /^###\s+(.+?)\s*$/.exec(line);
    const item = /^- \[ \] (.+?)\s*$/.exec(line);
    if (heading) sections.push({ title: heading[1], items: [] });
    else if (item) sections[sections.length - 1].items.push(item[1]);
  }
  return sections;
}

describe('the completion checklist', () => {
  it("is the seed's 4 sections and 20 items, word for word and in order", () => {
    const expected = seedChecklist();
    expect(expected.map((s) => s.items.length)).toEqual([5, 5, 5, 5]);
    const checklist = loadChecklist(builtinQuestionsDir());
    expect(checklist.sections.map((s) => ({ title: s.title, items: s.items.map((i) => i.text) }))).toEqual(expected);
  });

  it('every item has a unique id and a note', () => {
    const items = loadChecklist(builtinQuestionsDir()).sections.flatMap((s) => s.items);
    expect(new Set(items.map((i) => i.id)).size).toBe(20);
    for (const item of items) expect(item.note.length).toBeGreaterThan(20);
  });

  it.each([
    [
      'a missing note',
      'title: T\nsections:\n  - id: a\n    title: A\n    items:\n      - id: x\n        text: X\n',
      'sections[0].items[0].note: must be text',
    ],
    [
      'a duplicate id',
      'title: T\nsections:\n  - id: a\n    title: A\n    items:\n      - {id: x, text: X, note: N}\n      - {id: x, text: Y, note: N}\n',
      'sections[0].items[1].id: duplicate id x',
    ],
    ['broken YAML', 'title: [unclosed\n', 'checklist.yaml: '],
  ])('a checklist with %s is reported by file and field', (_name, yaml, message) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'checklist.yaml'), yaml);
    expect(() => loadChecklist(dir)).toThrow(message);
  });

  it('text is sanitized on load', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'checklist.yaml'),
      'title: "T\\e]52;c;ZXZpbA==\\a"\nsections:\n  - id: a\n    title: "A\\e[2J"\n    items:\n      - {id: x, text: "X\\u202Eevil", note: N}\n',
    );
    const checklist = loadChecklist(dir);
    expect(checklist.title).toBe('T]52;c;ZXZpbA==');
    expect(checklist.sections[0].title).toBe('A[2J');
    expect(checklist.sections[0].items[0].text).toBe('Xevil');
  });
});

import { readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { QUESTION_KINDS, TOPICS, type ContentProblem, type Question } from '../engine/drill/types.js';
import { sanitizeDeep, sanitizeText } from '../engine/text/sanitize.js';
import { FrontMatterMissing, splitFrontMatter } from './front-matter.js';
import { estimationSteps } from './estimation-steps.js';
import { fieldName } from '../engine/schema/issues.js';
import { validateQuestion, type FieldPath } from './question-schema.js';

/** `steps[2].rubric[0].weight` from ['steps', 2, 'rubric', 0, 'weight']. */
export { fieldName };

export interface QuestionBank {
  questions: Question[];
  problems: ContentProblem[];
}

/**
 * Load the built-in bank and any extra packs. A broken file is reported (path, line, field) and
 * skipped; the rest loads. Pack text is untrusted and sanitized before anything else sees it.
 */
export function loadQuestionBank(opts: { builtinDir: string; extraDirs: string[] }): QuestionBank {
  const bank = loadDirs([opts.builtinDir, ...opts.extraDirs], readChecklistIds(opts.builtinDir), new Map());
  return { ...bank, questions: bank.questions.sort(seedOrder) };
}

/** The seed's order: by topic, then framework, concept, code, output, estimation; its own practice questions first. */
function seedOrder(a: Question, b: Question): number {
  const seedFirst = (q: Question) => (q.source?.startsWith('Practice Question') ? 0 : 1);
  return (
    TOPICS.indexOf(a.topic) - TOPICS.indexOf(b.topic) ||
    QUESTION_KINDS.indexOf(a.kind) - QUESTION_KINDS.indexOf(b.kind) ||
    seedFirst(a) - seedFirst(b) ||
    a.id.localeCompare(b.id)
  );
}

/**
 * Every problem in a pack directory, for `questions validate DIR`: checklist links are checked
 * against the built-in checklist, and ids against the built-in bank as well as each other.
 */
export function validateQuestionDir(dir: string, builtinDir: string): QuestionBank {
  const ids = readChecklistIds(builtinDir);
  if (samePath(dir, builtinDir)) return loadDirs([dir], ids, new Map());
  const builtin = loadDirs([builtinDir], ids, new Map());
  return loadDirs([dir], ids, new Map(builtin.questions.map((q) => [q.id, q.origin])));
}

function loadDirs(dirs: string[], checklistIds: ReadonlySet<string>, seen: Map<string, string>): QuestionBank {
  const questions: Question[] = [];
  const problems: ContentProblem[] = [];
  for (const dir of dirs) {
    let files: string[];
    try {
      files = markdownFiles(dir, problems);
    } catch (error) {
      problems.push({
        path: dir,
        line: 0,
        field: '',
        message: `cannot read the directory (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      });
      continue;
    }
    for (const path of files) {
      const result = loadQuestionFile(path, checklistIds);
      problems.push(...result.problems);
      if (!result.question) continue;
      const earlier = seen.get(result.question.id);
      if (earlier) {
        problems.push({
          path,
          line: result.idLine,
          field: 'id',
          message: `"${result.question.id}" is already used by ${earlier}; this file is skipped`,
        });
        continue;
      }
      seen.set(result.question.id, path);
      questions.push(result.question);
    }
  }
  return { questions, problems };
}

export function loadQuestionFile(
  path: string,
  checklistIds: ReadonlySet<string>,
): { question?: Question; problems: ContentProblem[]; idLine: number } {
  const problems: ContentProblem[] = [];
  let text: string;
  try {
    text = sanitizeText(readFileSync(path, 'utf8'));
  } catch (error) {
    return {
      problems: [{ path, line: 0, field: '', message: `cannot read (${(error as NodeJS.ErrnoException).code})` }],
      idLine: 0,
    };
  }
  let file;
  try {
    file = splitFrontMatter(text);
  } catch (error) {
    if (error instanceof FrontMatterMissing)
      return { problems: [{ path, line: 1, field: '', message: error.message }], idLine: 0 };
    throw error;
  }
  if (file.syntaxErrors.length > 0) {
    return {
      problems: file.syntaxErrors.map(([line, message]) => ({ path, line, field: '', message: `YAML: ${message}` })),
      idLine: 0,
    };
  }
  const report = (field: FieldPath, message: string) =>
    problems.push({ path, line: file.lineOf(field), field: fieldName(field), message });
  let data: unknown;
  try {
    // Aliases expanding past yaml's limit (a "billion laughs" pack) throw here, not while parsing.
    data = file.doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return { problems: [{ path, line: 2, field: '', message: `YAML: ${(error as Error).message}` }], idLine: 0 };
  }
  const meta = validateQuestion(sanitizeDeep(data), report);
  meta?.checklist.forEach((id, i) => {
    if (!checklistIds.has(id)) report(['checklist', i], `"${id}" is not an item of questions/checklist.yaml`);
  });
  if (meta?.kind === 'estimation') meta.steps = estimationSteps(meta, report);
  const idLine = file.lineOf(['id']);
  if (!meta || problems.length > 0) return { problems, idLine };
  return { question: { ...meta, body: splitBody(file.body), origin: path }, problems, idLine };
}

function splitBody(body: string): Question['body'] {
  const sections = { context: '', modelAnswer: '', followUps: '', rest: '' };
  let current: keyof typeof sections = 'rest';
  const lines: Record<keyof typeof sections, string[]> = { context: [], modelAnswer: [], followUps: [], rest: [] };
  for (const line of body.split('\n')) {
    const heading = /^##\s+(.+?)\s*$/.exec(line);
    if (heading) {
      const name = heading[1].toLowerCase();
      current =
        name === 'context'
          ? 'context'
          : name === 'model answer'
            ? 'modelAnswer'
            : name === 'follow-ups' || name === 'follow ups'
              ? 'followUps'
              : 'rest';
      if (current !== 'rest') continue;
    }
    lines[current].push(line);
  }
  for (const key of Object.keys(sections) as Array<keyof typeof sections>) sections[key] = lines[key].join('\n').trim();
  return sections;
}

/**
 * The Markdown files under `dir`, each one on its own: an unreadable subdirectory, a dangling
 * symlink or a symlink loop is reported and skipped, and the rest of the pack still loads.
 * Symlinked directories are followed once (a loop back to a directory already seen is reported).
 */
function markdownFiles(dir: string, problems: ContentProblem[], seen = new Set<string>()): string[] {
  seen.add(realpathSync(dir));
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.name.startsWith('.') || entry.name === 'scenarios') continue;
    let stat;
    try {
      stat = statSync(path);
    } catch (error) {
      if (entry.isSymbolicLink() || entry.name.endsWith('.md'))
        problems.push({ path, line: 0, field: '', message: `skipped: ${linkProblem(error)}` });
      continue;
    }
    if (stat.isDirectory()) {
      let real: string;
      try {
        real = realpathSync(path);
      } catch (error) {
        problems.push({ path, line: 0, field: '', message: `skipped: ${linkProblem(error)}` });
        continue;
      }
      if (seen.has(real)) {
        problems.push({
          path,
          line: 0,
          field: '',
          message: 'skipped: a symbolic link loop (it leads back to a directory already read)',
        });
        continue;
      }
      try {
        out.push(...markdownFiles(path, problems, seen));
      } catch (error) {
        problems.push({
          path,
          line: 0,
          field: '',
          message: `skipped: cannot read the directory (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
        });
      }
    } else if (entry.name.endsWith('.md') && stat.isFile()) out.push(path);
  }
  return out;
}

function linkProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ELOOP') return 'a symbolic link loop';
  if (code === 'ENOENT') return 'a symbolic link to nothing (its target does not exist)';
  return `cannot read (${code ?? (error as Error).message})`;
}

function readChecklistIds(builtinDir: string): Set<string> {
  try {
    const doc = parse(readFileSync(join(builtinDir, 'checklist.yaml'), 'utf8')) as {
      sections?: Array<{ items?: Array<{ id?: string }> }>;
    };
    return new Set((doc.sections ?? []).flatMap((s) => (s.items ?? []).map((i) => i.id ?? '')));
  } catch {
    return new Set();
  }
}

function samePath(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}

import { it } from 'vitest';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { parse } from 'yaml';
import { loadQuestionBank } from '../src/content/load-questions.js';
import { builtinQuestionsDir } from '../src/content/paths.js';
import { scoreAttempt, scoreStep } from '../src/engine/drill/scoring/score.js';
import { measureDensity } from '../src/engine/drill/scoring/list-density.js';

const bank = loadQuestionBank({ builtinDir: builtinQuestionsDir(), extraDirs: [] });
if (bank.problems.length) console.log(bank.problems);
const dir = process.env.CORPUS ?? 'test/fixtures/answers';
const only = process.env.ONLY;
it('cal', () => {
  for (const id of readdirSync(dir)) {
    if (only && !id.includes(only)) continue;
    const q = bank.questions.find((x) => x.id === id)!;
    const row: string[] = [];
    for (const kind of ['strong', 'terse', 'list', 'wrong', 'echo', 'kitchen-sink']) {
      const f = `${dir}/${id}/${kind}.yaml`;
      if (!existsSync(f)) continue;
      const answers = parse(readFileSync(f, 'utf8')).answers as string[];
      const scores = q.steps.map((s, k) => scoreStep(s, answers[k] ?? ''));
      row.push(`${kind}=${scoreAttempt(q, scores)}`);
      if (process.env.V) {
        console.log(`--- ${id} ${kind}: ${scoreAttempt(q, scores)}`);
        scores.forEach((s, k) => { const d = measureDensity(answers[k] ?? ''); console.log(`  step ${k + 1}: ${s?.score} R[${s?.reasoned}] U[${s?.unreasoned}] list=${d.list} f=${d.functionShare.toFixed(2)} v=${d.verbSegmentShare.toFixed(2)} w=${d.wordsPerSegment.toFixed(1)} and=${d.andShare.toFixed(2)}`); for (const x of s?.deductions ?? []) console.log(`     - ${x.kind} ${x.points}: ${x.reason}`); });
      }
    }
    console.log(id.padEnd(30), row.join('  '));
  }
});

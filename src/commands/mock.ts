import { writeFileSync } from 'node:fs';
import { UserError, type Command, type CommandContext } from './types.js';
import { loadBankFor } from '../content/bank.js';
import { MAX_MINUTES, MIN_MINUTES, DEFAULT_MINUTES } from '../engine/drill/mock/phases.js';
import type { Question } from '../engine/drill/types.js';

export const mockCommand: Command = {
  name: 'mock',
  summary: 'a timed mock interview in six phases, with a curveball and a report',
  usage: 'gocoffee-drill mock [ID] [--minutes N] | mock ID --answers FILE --json [--minutes N] [--record]',
  flags: [
    [
      '--minutes N',
      `length of the interview, ${MIN_MINUTES}–${MAX_MINUTES} (default ${DEFAULT_MINUTES}); phase budgets scale with it`,
    ],
    [
      '--answers FILE',
      'grade a mock without the TUI: YAML or JSON with phases: a list of { answer, seconds } in phase order',
    ],
    ['--json', 'with --answers: print the report as one JSON document'],
    ['--record', 'with --answers: keep the mock in your history'],
    ['--report FILE.md', 'also write the report as Markdown'],
  ],
  examples: [
    'gocoffee-drill mock',
    'gocoffee-drill mock q1-1-scale-gateway --minutes 30',
    'gocoffee-drill mock q1-1-scale-gateway --answers mock.yaml --json',
  ],
  options: {
    minutes: { type: 'string' },
    answers: { type: 'string' },
    json: { type: 'boolean' },
    record: { type: 'boolean' },
    report: { type: 'string' },
  },
  allowPositionals: true,
  async run(ctx, args) {
    const [id, extra] = args.positionals;
    if (extra !== undefined) throw new UserError(`mock: unexpected argument ${extra}`, 'give one question id');
    const minutes = parseMinutes(args.values.minutes as string | undefined);
    const answersPath = args.values.answers as string | undefined;
    const reportPath = args.values.report as string | undefined;
    if (answersPath === undefined && (args.values.json || args.values.record))
      throw new UserError(
        `mock: ${args.values.json ? '--json' : '--record'} needs --answers FILE`,
        'the interactive mock is recorded when it ends',
      );
    if (answersPath !== undefined) {
      if (id === undefined)
        throw new UserError(
          'mock: --answers needs a question id',
          'e.g. gocoffee-drill mock q1-1-scale-gateway --answers FILE --json',
        );
      return headless(ctx, id, minutes, answersPath, {
        json: Boolean(args.values.json),
        record: Boolean(args.values.record),
        reportPath,
      });
    }
    if (!ctx.interactive)
      throw new UserError(
        'mock needs an interactive terminal (stdin is not a TTY)',
        'for scripts use: gocoffee-drill mock ID --answers FILE --json',
      );
    const target = id === undefined ? await leastRecent(ctx) : designQuestion(ctx, id).id;
    const { openApp } = await import('../ui/open-app.js');
    return openApp(
      ctx,
      { name: 'mock', id: target, minutes, reportPath },
      'gocoffee-drill mock ID --answers FILE --json',
    );
  },
};

function parseMinutes(text: string | undefined): number {
  if (text === undefined) return DEFAULT_MINUTES;
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || n < MIN_MINUTES || n > MAX_MINUTES)
    throw new UserError(`mock: --minutes ${text}: must be a whole number from ${MIN_MINUTES} to ${MAX_MINUTES}`);
  return n;
}

async function headless(
  ctx: CommandContext,
  id: string,
  minutes: number,
  path: string,
  opts: { json: boolean; record: boolean; reportPath?: string },
): Promise<number> {
  const question = designQuestion(ctx, id);
  const [{ readMockAnswers }, { gradeMock }, { curveballScenario }, { mockJson }, text] = await Promise.all([
    import('./mock-answers.js'),
    import('../engine/drill/mock/report.js'),
    import('../content/mock-scenario.js'),
    import('../engine/drill/mock/report-json.js'),
    import('../engine/drill/mock/report-text.js'),
  ]);
  const answers = readMockAnswers(path);
  const report = gradeMock(question, minutes, answers, curveballScenario(question), loadBankFor(ctx, false).questions);
  const at = new Date().toISOString();
  if (opts.reportPath) writeReport(opts.reportPath, text.reportMarkdown(report, at));
  if (opts.record) {
    const { openStore, loadStoreWriter } = await import('../store/store.js');
    await loadStoreWriter();
    const { store, notices } = openStore(ctx.dataDir);
    for (const notice of notices) ctx.stderr.write(`gocoffee-drill: ${notice}\n`);
    const result = store.update((data) => void data.mocks.push({ questionId: id, at, minutes, report }));
    if (!result.ok) {
      ctx.stderr.write(`gocoffee-drill: ${result.error}\n`);
      return 1;
    }
  }
  ctx.stdout.write(
    opts.json
      ? `${JSON.stringify(mockJson(report), null, 2)}\n`
      : `${report.title}\n\n${text.reportLines(report).join('\n')}\n`,
  );
  return 0;
}

/** The question, which must be a design (framework) question: only those have a mock's phases. */
function designQuestion(ctx: CommandContext, id: string): Question {
  const question = loadBankFor(ctx, false).questions.find((q) => q.id === id);
  if (!question) throw new UserError(`mock: no question with id ${id}`, "'gocoffee-drill questions' lists them");
  if (question.kind !== 'framework')
    throw new UserError(
      `mock: ${id} is a drill of kind ${question.kind}; a mock interview takes a design question (kind framework)`,
      "'gocoffee-drill questions --json' shows each kind",
    );
  return question;
}

/** The design question practised least recently, by drills and mocks alike. */
async function leastRecent(ctx: CommandContext): Promise<string> {
  const [{ leastRecentDesignQuestion }, { openStore }] = await Promise.all([
    import('../engine/drill/mock/pick.js'),
    import('../store/store.js'),
  ]);
  const data = openStore(ctx.dataDir).store.data;
  const history = [...data.attempts, ...data.mocks].map((h) => ({ questionId: h.questionId, at: h.at }));
  const question = leastRecentDesignQuestion(loadBankFor(ctx, false).questions, history);
  if (!question)
    throw new UserError(
      'mock: the question bank has no design (framework) question',
      'check --questions DIR with gocoffee-drill questions validate DIR',
    );
  return question.id;
}

function writeReport(path: string, markdown: string): void {
  try {
    writeFileSync(path, markdown);
  } catch (error) {
    throw new UserError(
      `mock: --report ${path}: cannot write (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
}

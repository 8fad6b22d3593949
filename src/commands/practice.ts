import { UserError, type Command, type CommandContext } from './types.js';

export const practiceCommand: Command = {
  name: 'practice',
  summary: 'go straight into a drill: the question ID, or the next one due; or grade written answers',
  usage: 'gocoffee-drill practice [ID] | gocoffee-drill practice ID --answers FILE [--json] [--record]',
  flags: [
    [
      '--answers FILE',
      'grade the answers in FILE (YAML or JSON: a list, or a map with an answers: list; one entry per step: text, a choice number from 1, or null) without the app',
    ],
    ['--json', 'with --answers: print the grading as one JSON document'],
    ['--record', 'with --answers: save the attempt, as the app would after a drill'],
  ],
  examples: [
    'gocoffee-drill practice',
    'gocoffee-drill practice q1-1-scale-gateway',
    'gocoffee-drill practice q1-1-scale-gateway --answers answers.yaml --json',
  ],
  options: { answers: { type: 'string' }, json: { type: 'boolean' }, record: { type: 'boolean' } },
  allowPositionals: true,
  async run(ctx, args) {
    const [id, extra] = args.positionals;
    if (extra !== undefined) throw new UserError(`practice: unexpected argument ${extra}`, 'give one question id');
    const answers = args.values.answers as string | undefined;
    if (answers === undefined && (args.values.json || args.values.record))
      throw new UserError('practice: --json and --record need --answers FILE');
    if (answers !== undefined) {
      if (id === undefined)
        throw new UserError(
          'practice: --answers needs a question id',
          'e.g. gocoffee-drill practice q1-1-scale-gateway --answers answers.yaml',
        );
      return gradeFile(ctx, id, answers, Boolean(args.values.json), Boolean(args.values.record));
    }
    if (!ctx.interactive)
      throw new UserError(
        'practice needs an interactive terminal (stdin is not a TTY)',
        'for scripts: gocoffee-drill practice ID --answers FILE --json; the ids: gocoffee-drill questions --json',
      );
    const { loadBankFor } = await import('../content/bank.js');
    const { questions } = loadBankFor(ctx, false);
    let target = id;
    if (target === undefined) {
      const [{ dueOrder }, { openStore }] = await Promise.all([
        import('../engine/drill/schedule.js'),
        import('../store/store.js'),
      ]);
      const { data } = openStore(ctx.dataDir).store;
      target = dueOrder(questions, data.attempts, new Date().toISOString(), data.reviews ?? [])[0]?.question.id;
      if (target === undefined)
        throw new UserError(
          'practice: the question bank is empty',
          'check --questions DIR with gocoffee-drill questions validate DIR',
        );
    } else if (!questions.some((q) => q.id === target)) {
      throw new UserError(`practice: no question with id ${target}`, "'gocoffee-drill questions' lists them");
    }
    const { openApp } = await import('../ui/open-app.js');
    return openApp(ctx, { name: 'drill', id: target }, 'gocoffee-drill questions --json');
  },
};

/** Grade an answers file; with `record`, save the attempt. Nothing is stored unless everything checked out. */
async function gradeFile(
  ctx: CommandContext,
  id: string,
  path: string,
  json: boolean,
  record: boolean,
): Promise<number> {
  const [{ loadBankFor }, { readAnswersFile }, { answerAll }, report] = await Promise.all([
    import('../content/bank.js'),
    import('../content/answers-file.js'),
    import('../engine/drill/headless.js'),
    import('./practice-report.js'),
  ]);
  const question = loadBankFor(ctx, false).questions.find((q) => q.id === id);
  if (!question) throw new UserError(`practice: no question with id ${id}`, "'gocoffee-drill questions' lists them");
  const now = new Date();
  const result = answerAll(question, readAnswersFile(path), now.getTime());
  if (!result.ok) throw new UserError(`--answers ${path}: ${result.error}`);
  // The grade is printed even when saving fails: the answers were read and graded, only the save is lost.
  ctx.stdout.write(
    json ? `${JSON.stringify(report.gradeJson(result.state), null, 2)}\n` : report.gradeText(result.state),
  );
  if (!record) return 0;
  const [{ openStore }, { toAttempt }] = await Promise.all([
    import('../store/store.js'),
    import('../engine/drill/session.js'),
  ]);
  const { store, notices } = openStore(ctx.dataDir);
  for (const notice of notices) ctx.stderr.write(`gocoffee-drill: ${notice}\n`);
  const written = store.update((data) => void data.attempts.push(toAttempt(result.state, now.toISOString())));
  await store.settled();
  const error = written.ok ? store.lastError : written.error;
  if (!error) return 0;
  // An unusable data directory was already explained by its notice; a failed write is explained here.
  const explained = notices.some((notice) => notice.endsWith('nothing will be saved this session.'));
  ctx.stderr.write(`gocoffee-drill: practice: the attempt was not saved${explained ? '' : `: ${error}`}\n`);
  return 1;
}

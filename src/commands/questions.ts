import { UserError, type Command } from './types.js';

export const questionsCommand: Command = {
  name: 'questions',
  summary: 'list the question bank, or check a question pack with `questions validate DIR`',
  usage: 'gocoffee-drill questions [--json] | gocoffee-drill questions validate DIR [--json]',
  flags: [
    [
      '--json',
      'print the bank (metadata of every question, and any problems) as one JSON document; with validate: { dir, valid, questions, problems, warnings }',
    ],
  ],
  examples: [
    'gocoffee-drill questions',
    'gocoffee-drill questions --json',
    'gocoffee-drill questions validate ./my-pack',
  ],
  options: { json: { type: 'boolean' } },
  allowPositionals: true,
  async run(ctx, args) {
    const { loadBankFor, formatProblem } = await import('../content/bank.js');
    const [sub, dir, ...extra] = args.positionals;
    if (sub === 'validate') {
      if (!dir)
        throw new UserError(
          'questions validate: needs a directory',
          'e.g. gocoffee-drill questions validate ./my-pack',
        );
      if (extra.length > 0) throw new UserError(`questions validate: unexpected argument ${extra[0]}`);
      const { validateQuestionDir } = await import('../content/load-questions.js');
      const { builtinQuestionsDir } = await import('../content/paths.js');
      const { checkScenarioDir } = await import('../content/scenario-claims.js');
      const result = validateQuestionDir(dir, builtinQuestionsDir());
      const scenarios = checkScenarioDir(dir);
      const problems = [...result.problems, ...scenarios.problems];
      if (args.values.json) {
        const doc = {
          dir,
          valid: problems.length === 0,
          questions: result.questions.map((q) => q.id),
          problems,
          warnings: scenarios.warnings,
        };
        ctx.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
        return doc.valid ? 0 : 2;
      }
      for (const problem of problems) ctx.stderr.write(`${formatProblem(problem)}\n`);
      // A claim its own run contradicts is a warning: the file is valid, its description is suspect.
      for (const warning of scenarios.warnings) ctx.stderr.write(`warning: ${warning}\n`);
      const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
      const scenarioLine =
        scenarios.ok + scenarios.problems.length > 0 ? `${plural(scenarios.ok, 'scenario')} OK\n` : '';
      if (problems.length > 0) {
        ctx.stderr.write(`${plural(problems.length, 'problem')}; ${plural(result.questions.length, 'question')} OK\n`);
        return 2;
      }
      ctx.stdout.write(`${plural(result.questions.length, 'question')} OK\n${scenarioLine}`);
      return 0;
    }
    if (sub !== undefined)
      throw new UserError(`questions: unknown subcommand ${sub}`, "the only one is 'validate DIR'");
    const bank = loadBankFor(ctx, !args.values.json);
    const rows = bank.questions.map((q) => ({
      id: q.id,
      title: q.title,
      topic: q.topic,
      kind: q.kind,
      difficulty: q.difficulty,
      minutes: q.minutes,
      steps: q.steps.length,
      checklist: q.checklist,
      scenario: q.scenario ?? null,
      source: q.source ?? null,
      origin: q.origin,
    }));
    if (args.values.json) {
      ctx.stdout.write(`${JSON.stringify({ questions: rows, problems: bank.problems }, null, 2)}\n`);
      return 0;
    }
    const width = Math.max(2, ...rows.map((r) => r.id.length));
    ctx.stdout.write(
      `${'id'.padEnd(width)}  ${'kind'.padEnd(10)} ${'topic'.padEnd(12)} ${'level'.padEnd(7)} min  title\n`,
    );
    for (const r of rows) {
      ctx.stdout.write(
        `${r.id.padEnd(width)}  ${r.kind.padEnd(10)} ${r.topic.padEnd(12)} ${r.difficulty.padEnd(7)} ${String(r.minutes).padStart(3)}  ${r.title}\n`,
      );
    }
    ctx.stdout.write(`${rows.length} questions\n`);
    return 0;
  },
};

import { UserError, type Command } from './types.js';

export const practiceCommand: Command = {
  name: 'practice',
  summary: 'go straight into a drill: the question ID, or the next one due',
  usage: 'gocoffee-drill practice [ID]',
  flags: [],
  examples: ['gocoffee-drill practice', 'gocoffee-drill practice q1-1-scale-gateway'],
  options: {},
  allowPositionals: true,
  async run(ctx, args) {
    const [id, extra] = args.positionals;
    if (extra !== undefined) throw new UserError(`practice: unexpected argument ${extra}`, 'give one question id');
    if (!ctx.interactive) throw new UserError('practice needs an interactive terminal (stdin is not a TTY)', 'for scripts use: gocoffee-drill questions --json, stats --json');
    const { loadBankFor } = await import('../content/bank.js');
    const { questions } = loadBankFor(ctx, false);
    let target = id;
    if (target === undefined) {
      const [{ dueOrder }, { openStore }] = await Promise.all([import('../engine/drill/schedule.js'), import('../store/store.js')]);
      const { data } = openStore(ctx.dataDir).store;
      target = dueOrder(questions, data.attempts, new Date().toISOString(), data.reviews ?? [])[0]?.question.id;
      if (target === undefined) throw new UserError('practice: the question bank is empty', 'check --questions DIR with gocoffee-drill questions validate DIR');
    } else if (!questions.some((q) => q.id === target)) {
      throw new UserError(`practice: no question with id ${target}`, "'gocoffee-drill questions' lists them");
    }
    const { openApp } = await import('../ui/open-app.js');
    return openApp(ctx, { name: 'drill', id: target }, 'gocoffee-drill questions --json');
  },
};

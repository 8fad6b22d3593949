import { UserError, type Command } from './types.js';

export const reviewCommand: Command = {
  name: 'review',
  summary: 'spaced review (FSRS) of the steps due now, weakest first across topics; --json for the schedule',
  usage: 'gocoffee-drill review [--json]',
  flags: [
    [
      '--json',
      'print { now, due, cards } as one JSON document: the due steps in session order and every card rated so far',
    ],
  ],
  examples: ['gocoffee-drill review', 'gocoffee-drill review --json'],
  options: { json: { type: 'boolean' } },
  async run(ctx, args) {
    if (!args.values.json) {
      if (!ctx.interactive)
        throw new UserError(
          'review needs an interactive terminal (stdin is not a TTY)',
          'for scripts use: gocoffee-drill review --json',
        );
      const { openApp } = await import('../ui/open-app.js');
      return openApp(ctx, { name: 'review' }, 'gocoffee-drill review --json');
    }
    const { loadBankFor } = await import('../content/bank.js');
    const { planReview } = await import('../engine/drill/review/plan.js');
    const { reviewReport } = await import('../engine/drill/review/report.js');
    const { openStore } = await import('../store/store.js');
    const bank = loadBankFor(ctx);
    const { store, notices } = openStore(ctx.dataDir);
    for (const notice of notices) ctx.stderr.write(`gocoffee-drill: ${notice}\n`);
    const now = new Date();
    const plan = planReview(bank.questions, store.data.attempts, store.data.reviews ?? [], now);
    ctx.stdout.write(`${JSON.stringify(reviewReport(plan.cards, plan.queue, now), null, 2)}\n`);
    return 0;
  },
};

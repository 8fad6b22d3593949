import type { Command } from './types.js';

export const statsCommand: Command = {
  name: 'stats',
  summary:
    'your progress: scores and trend per topic, concepts missed most, mock pacing, streak, due reviews, checklist',
  usage: 'gocoffee-drill stats [--json]',
  flags: [['--json', 'print the statistics as one JSON document']],
  examples: ['gocoffee-drill stats', 'gocoffee-drill stats --json'],
  options: { json: { type: 'boolean' } },
  async run(ctx, args) {
    const { loadBankFor } = await import('../content/bank.js');
    const { progressReport } = await import('../engine/history/progress.js');
    const { loadChecklist } = await import('../content/checklist.js');
    const { builtinQuestionsDir } = await import('../content/paths.js');
    const { openStore } = await import('../store/store.js');
    const { sanitizeText } = await import('../engine/text/sanitize.js');
    // Warned on stderr even with --json: the stats document has no place for pack problems, and
    // stdout stays one JSON document.
    const bank = loadBankFor(ctx);
    const { store, notices } = openStore(ctx.dataDir);
    for (const notice of notices) ctx.stderr.write(`gocoffee-drill: ${notice}\n`);
    const stats = progressReport(bank.questions, loadChecklist(builtinQuestionsDir()), store.data, new Date());
    if (args.values.json) {
      ctx.stdout.write(`${JSON.stringify({ ...stats, recent: store.data.attempts.slice(-20) }, null, 2)}\n`);
      return 0;
    }
    const out: string[] = [
      `${stats.attempts} attempt${stats.attempts === 1 ? '' : 's'} · streak ${stats.streakDays} day${stats.streakDays === 1 ? '' : 's'} · ${stats.due.now} step${stats.due.now === 1 ? '' : 's'} due for review (${stats.due.week} within a week) · checklist ${stats.checklist.done}/${stats.checklist.total}`,
      '',
    ];
    out.push('topic         tried  attempts  mean best  latest  trend');
    for (const t of stats.topics) {
      const trend = stats.trends.find((r) => r.topic === t.topic)?.sparkline ?? '';
      out.push(
        `${t.topic.padEnd(12)} ${`${t.tried}/${t.questions}`.padStart(6)}  ${String(t.attempts).padStart(8)}  ${fmt(t.meanBest).padStart(9)}  ${fmt(t.latest).padStart(6)}  ${trend}`,
      );
    }
    if (stats.missedConcepts.length > 0)
      out.push(
        '',
        `Missed most often: ${stats.missedConcepts
          .slice(0, 6)
          .map((m) => `${sanitizeText(m.name)} (${m.count})`)
          .join(', ')}`,
      );
    if (stats.misconceptions.length > 0)
      out.push(
        `Misconceptions: ${stats.misconceptions
          .slice(0, 6)
          .map((m) => `${sanitizeText(m.name)} (${m.count})`)
          .join(', ')}`,
      );
    for (const p of stats.mockPhases)
      out.push(
        `Mock phase ${sanitizeText(p.name)}: ${minutes(p.meanUsedSeconds)} used of ${p.meanBudgetSeconds === undefined ? '?' : minutes(p.meanBudgetSeconds)} on average, over in ${p.overBudget} of ${p.reports}`,
      );
    const tried = stats.items.filter((i) => i.attempts > 0);
    if (tried.length > 0) {
      out.push('', 'question                                  attempts  best  latest  last tried');
      for (const i of tried)
        out.push(
          `${i.id.padEnd(40).slice(0, 40)}  ${String(i.attempts).padStart(8)}  ${fmt(i.best).padStart(4)}  ${fmt(i.latest).padStart(6)}  ${i.lastTriedAt?.slice(0, 10)}`,
        );
    } else {
      out.push('', "No attempts yet: run 'gocoffee-drill practice' to start.");
    }
    ctx.stdout.write(`${out.join('\n')}\n`);
    return 0;
  },
};

function minutes(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(Math.round(seconds % 60)).padStart(2, '0')}`;
}

function fmt(n: number | undefined): string {
  return n === undefined ? '–' : String(n);
}

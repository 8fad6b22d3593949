import type { Command } from './types.js';

export const statsCommand: Command = {
  name: 'stats',
  summary: 'your attempts, best and latest score per question and per topic, and your streak',
  usage: 'gocoffee-drill stats [--json]',
  flags: [['--json', 'print the statistics as one JSON document']],
  examples: ['gocoffee-drill stats', 'gocoffee-drill stats --json'],
  options: { json: { type: 'boolean' } },
  async run(ctx, args) {
    const { loadBankFor } = await import('../content/bank.js');
    const { computeStats } = await import('../engine/drill/stats.js');
    const { openStore } = await import('../store/store.js');
    // Warned on stderr even with --json: the stats document has no place for pack problems, and
    // stdout stays one JSON document.
    const bank = loadBankFor(ctx);
    const { store, notices } = openStore(ctx.dataDir);
    for (const notice of notices) ctx.stderr.write(`gocoffee-drill: ${notice}\n`);
    const stats = computeStats(bank.questions, store.data.attempts, new Date().toISOString());
    if (args.values.json) {
      ctx.stdout.write(`${JSON.stringify({ ...stats, recent: store.data.attempts.slice(-20) }, null, 2)}\n`);
      return 0;
    }
    const out: string[] = [`${stats.attempts} attempt${stats.attempts === 1 ? '' : 's'} · streak ${stats.streakDays} day${stats.streakDays === 1 ? '' : 's'}`, ''];
    out.push('topic         tried  attempts  mean best  latest');
    for (const t of stats.topics) {
      out.push(`${t.topic.padEnd(12)} ${`${t.tried}/${t.questions}`.padStart(6)}  ${String(t.attempts).padStart(8)}  ${fmt(t.meanBest).padStart(9)}  ${fmt(t.latest).padStart(6)}`);
    }
    const tried = stats.items.filter((i) => i.attempts > 0);
    if (tried.length > 0) {
      out.push('', 'question                                  attempts  best  latest  last tried');
      for (const i of tried) out.push(`${i.id.padEnd(40).slice(0, 40)}  ${String(i.attempts).padStart(8)}  ${fmt(i.best).padStart(4)}  ${fmt(i.latest).padStart(6)}  ${i.lastTriedAt?.slice(0, 10)}`);
    } else {
      out.push('', "No attempts yet: run 'gocoffee-drill practice' to start.");
    }
    ctx.stdout.write(`${out.join('\n')}\n`);
    return 0;
  },
};

function fmt(n: number | undefined): string {
  return n === undefined ? '–' : String(n);
}

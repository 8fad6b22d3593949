import { loadBuiltinChecklist } from '../content/builtin-checklist.js';
import { overallProgress, sectionProgress } from '../engine/checklist/progress.js';
import { openStore } from '../store/store.js';
import type { Command } from './types.js';

export const checklistCommand: Command = {
  name: 'checklist',
  summary: 'the completion checklist: tick what you can do (interactive), or print it with --json',
  usage: 'gocoffee-drill checklist [--json]',
  flags: [['--json', 'print the sections, items and their state as one JSON document']],
  examples: ['gocoffee-drill checklist', 'gocoffee-drill checklist --json'],
  options: { json: { type: 'boolean' } },
  async run(ctx, args) {
    if (!args.values.json) {
      const { openApp } = await import('../ui/open-app.js');
      return openApp(ctx, { name: 'checklist' }, 'gocoffee-drill checklist --json');
    }
    const checklist = loadBuiltinChecklist();
    const { store, notices } = openStore(ctx.dataDir);
    for (const notice of notices) ctx.stderr.write(`gocoffee-drill: ${notice}\n`);
    const ticks = store.data.checklist;
    const { loadBankFor } = await import('../content/bank.js');
    const { checklistEvidence } = await import('../engine/checklist/evidence.js');
    const evidence = checklistEvidence(checklist, loadBankFor(ctx).questions, store.data.attempts, store.data);
    const doc = {
      title: checklist.title,
      progress: overallProgress(checklist, ticks),
      sections: checklist.sections.map((section) => ({
        id: section.id,
        title: section.title,
        progress: sectionProgress(section, ticks),
        items: section.items.map((item) => ({
          ...item,
          done: item.id in ticks,
          doneAt: ticks[item.id] ?? null,
          evidence: evidence[item.id],
        })),
      })),
    };
    ctx.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
    return 0;
  },
};

import { writeFileSync } from 'node:fs';
import { UserError, type Command } from './types.js';

const FORMATS = ['json', 'md', 'csv'] as const;

export const exportCommand: Command = {
  name: 'export',
  summary:
    'export your history: json (everything, re-importable), md (a readable study log) or csv (one row per graded step)',
  usage: 'gocoffee-drill export [--format json|md|csv] [--out FILE]',
  flags: [
    [
      '--format json|md|csv',
      'json: the whole store, for import on another machine (default); md: a study log; csv: one row per graded step',
    ],
    ['--out FILE', 'write to FILE instead of standard output'],
  ],
  examples: [
    'gocoffee-drill export --out drill-backup.json',
    'gocoffee-drill export --format md --out study-log.md',
    'gocoffee-drill export --format csv > steps.csv',
  ],
  options: { format: { type: 'string' }, out: { type: 'string' } },
  async run(ctx, args) {
    const format = (args.values.format as string | undefined) ?? 'json';
    if (!(FORMATS as readonly string[]).includes(format))
      throw new UserError(`export: --format is ${format}, not one of json, md, csv`, 'e.g. --format md');
    const out = args.values.out as string | undefined;
    if (out === '') throw new UserError('export: --out needs a file name', 'e.g. --out drill.json');
    const { openStore } = await import('../store/store.js');
    const { store, notices } = openStore(ctx.dataDir);
    for (const notice of notices) ctx.stderr.write(`gocoffee-drill: ${notice}\n`);
    const text = await render(format as (typeof FORMATS)[number], ctx, store.data);
    if (out === undefined) {
      ctx.stdout.write(text);
      return 0;
    }
    const { sanitizeText } = await import('../engine/text/sanitize.js');
    try {
      writeFileSync(out, text);
    } catch (error) {
      ctx.stderr.write(
        `gocoffee-drill: export: could not write ${sanitizeText(out)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`,
      );
      return 1;
    }
    ctx.stderr.write(
      `gocoffee-drill: exported ${store.data.attempts.length} attempts as ${format} to ${sanitizeText(out)}\n`,
    );
    return 0;
  },
};

async function render(
  format: (typeof FORMATS)[number],
  ctx: Parameters<Command['run']>[0],
  data: import('../store/schema.js').StoreData,
): Promise<string> {
  const now = new Date().toISOString();
  if (format === 'json') {
    const { EXPORT_FORMAT, EXPORT_VERSION } = await import('../engine/export/merge.js');
    return `${JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now, data }, null, 2)}\n`;
  }
  const { loadBankFor } = await import('../content/bank.js');
  const { historyEntries } = await import('../engine/history/entries.js');
  const entries = historyEntries(data, loadBankFor(ctx).questions);
  if (format === 'csv') return (await import('../engine/export/csv-rows.js')).csvExport(entries);
  const [{ markdownExport }, { loadChecklist }, { builtinQuestionsDir }, { overallProgress }] = await Promise.all([
    import('../engine/export/markdown.js'),
    import('../content/checklist.js'),
    import('../content/paths.js'),
    import('../engine/checklist/progress.js'),
  ]);
  return markdownExport(entries, now, overallProgress(loadChecklist(builtinQuestionsDir()), data.checklist));
}

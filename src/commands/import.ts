import { readFileSync } from 'node:fs';
import { UserError, type Command } from './types.js';

export const importCommand: Command = {
  name: 'import',
  summary: 'merge an export (or another store.json) into your history by attempt id; importing twice adds nothing',
  usage: 'gocoffee-drill import FILE [--json]',
  flags: [['--json', 'print what was added, already present and skipped as one JSON document']],
  examples: ['gocoffee-drill import drill-backup.json'],
  options: { json: { type: 'boolean' } },
  allowPositionals: true,
  async run(ctx, args) {
    const [file, extra] = args.positionals;
    if (file === undefined)
      throw new UserError(
        'import: which file?',
        'gocoffee-drill import FILE (a file written by gocoffee-drill export)',
      );
    if (extra !== undefined) throw new UserError(`import: unexpected argument ${extra}`, 'give one file');
    const [
      { exportedData, ImportFormatError, mergeImport },
      { sanitizeDeep, sanitizeText },
      { loadStoreWriter, openStore },
    ] = await Promise.all([
      import('../engine/export/merge.js'),
      import('../engine/text/sanitize.js'),
      import('../store/store.js'),
    ]);
    const name = sanitizeText(file);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new UserError(
        `import: cannot read ${name}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      );
    }
    let doc: unknown;
    try {
      doc = sanitizeDeep(JSON.parse(text));
    } catch (error) {
      throw new UserError(
        `import: ${name}: not valid JSON (${sanitizeText((error as Error).message)})`,
        'import reads the json export: gocoffee-drill export --format json',
      );
    }
    let data: Record<string, unknown>;
    try {
      data = exportedData(doc);
    } catch (error) {
      if (error instanceof ImportFormatError)
        throw new UserError(
          `import: ${name}: ${error.message}`,
          'import reads the json export: gocoffee-drill export --format json',
        );
      throw error;
    }
    const { store, notices } = openStore(ctx.dataDir);
    for (const notice of notices) ctx.stderr.write(`gocoffee-drill: ${notice}\n`);
    await loadStoreWriter();
    let report: ReturnType<typeof mergeImport> | undefined;
    const result = store.update((current) => {
      report = mergeImport(current, data);
    });
    await store.settled();
    if (!result.ok || !report) {
      ctx.stderr.write(`gocoffee-drill: import: nothing was saved: ${result.ok ? 'no report' : result.error}\n`);
      return 1;
    }
    if (args.values.json) ctx.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else ctx.stdout.write(describe(name, report));
    return 0;
  },
};

function describe(file: string, report: import('../engine/export/merge.js').ImportReport): string {
  const parts = (counts: Record<string, number>) =>
    Object.entries(counts)
      .filter(([, n]) => n > 0)
      .map(
        ([what, n]) =>
          `${n} ${what === 'reviews' ? 'step reviews' : what === 'checklist' ? 'checklist ticks' : what === 'mocks' ? 'mock reports' : what}`,
      )
      .join(', ');
  const lines = [`Imported from ${file}: ${parts(report.added) || 'nothing new'}.`];
  if (parts(report.present)) lines.push(`Skipped, already here (same id): ${parts(report.present)}.`);
  for (const { what, why } of report.skipped) lines.push(`Skipped ${what}: ${why}.`);
  return `${lines.join('\n')}\n`;
}

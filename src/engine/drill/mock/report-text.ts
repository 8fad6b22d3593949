import { mmss, type MockReport } from './report.js';

/** The report as Markdown, for `e` on the report screen and `--report FILE.md`. */
export function reportMarkdown(r: MockReport, dateIso: string): string {
  const out: string[] = [
    `# Mock interview: ${r.title}`,
    '',
    `${dateIso.slice(0, 16).replace('T', ' ')} UTC · ${r.minutes} minutes · question \`${r.id}\``,
    '',
  ];
  out.push(`**Overall ${r.score}/100 · ${r.band}** (${r.bandReason})`, '', `Pacing: ${r.pacing}`, '');
  out.push('## Phases', '', '| Phase | Time / budget | Score |', '|---|---|---|');
  for (const p of r.phases)
    out.push(
      `| ${p.title} | ${mmss(p.usedSeconds)} / ${mmss(p.budgetSeconds)}${p.overBudget ? ' **over**' : ''} | ${p.score ?? '—'} |`,
    );
  for (const p of r.phases) {
    out.push('', `### ${p.title}: ${p.score ?? 'not scored'}`, '');
    if (p.hit.length) out.push(`- Covered: ${p.hit.join(', ')}`);
    if (p.missed.length) out.push(`- Missed: ${p.missed.join(', ')}`);
    for (const d of p.deductions) out.push(`- −${d.points}: ${d.reason}`);
    out.push(
      '',
      p.answer.trim()
        ? p.answer
            .trim()
            .split('\n')
            .map((l) => `> ${l}`)
            .join('\n')
        : '_(no answer)_',
    );
  }
  out.push('', '## Estimate', '');
  if (!r.estimate) out.push('This question declares no estimate inputs; the phase is not scored.');
  else {
    out.push(`Score ${r.estimate.score}/100.`, '', '| Figure | Yours | Actual | Verdict |', '|---|---|---|---|');
    for (const f of r.estimate.figures)
      out.push(`| ${f.label} | ${f.guess ?? '—'} | ${f.readable} | ${f.verdict}${f.slip ? ` (${f.slip})` : ''} |`);
    out.push('', 'Derivation:', '', ...r.estimate.derivation.map((d) => `- ${d.label}: ${d.formula} = **${d.value}**`));
  }
  out.push('', '## Curveball simulation', '');
  out.push(...simulationLines(r).map((l) => (l.startsWith('  ') ? `- ${l.trim()}` : l)));
  out.push('', '## Practise next', '');
  if (r.practiseNext.length === 0) out.push('Nothing stands out: take another mock or a harder question.');
  for (const item of r.practiseNext)
    out.push(
      `- **${item.concept}**: ${item.drills.map((d) => `\`gocoffee-drill practice ${d.id}\` (${d.title})`).join(', ')}`,
    );
  return `${out.join('\n')}\n`;
}

/** The report as plain lines, for the report screen and the command's text output. */
export function reportLines(r: MockReport): string[] {
  const out: string[] = [
    `Overall ${r.score}/100 · ${r.band} · ${r.minutes} min`,
    r.bandReason,
    `Pacing: ${r.pacing}`,
    '',
  ];
  for (const p of r.phases) {
    out.push(
      `${p.title}  ${p.score === null ? 'not scored' : `${p.score}/100`} · ${mmss(p.usedSeconds)} of ${mmss(p.budgetSeconds)}${p.overBudget ? ' · OVER' : ''}`,
    );
    if (p.missed.length) out.push(`  missed: ${p.missed.join(', ')}`);
    for (const d of p.deductions) out.push(`  −${d.points} ${d.reason}`);
  }
  out.push('', 'Estimate');
  if (!r.estimate) out.push('  no estimate inputs declared: not scored');
  else {
    for (const f of r.estimate.figures)
      out.push(
        `  ${f.score === 100 ? '✓' : '✗'} ${f.label}: ${f.guess ?? 'none given'} vs ${f.readable} · ${f.verdict}${f.slip ? ` (${f.slip})` : ''}`,
      );
    out.push('  Derivation:', ...r.estimate.derivation.map((d) => `    ${d.label}: ${d.formula} = ${d.value}`));
  }
  out.push('', 'Curveball simulation', ...simulationLines(r), '', 'Practise next');
  if (r.practiseNext.length === 0) out.push('  nothing stands out');
  r.practiseNext.forEach((item, i) =>
    out.push(`  [${i + 1}] ${item.concept}: ${item.drills.map((d) => d.id).join(', ')}`),
  );
  return out;
}

function simulationLines(r: MockReport): string[] {
  const s = r.simulation;
  if (!s) return [`Not run: ${r.simulationNote ?? 'no curveball scenario'}.`];
  const levers =
    Object.entries(s.levers)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ') || 'none found in the answer (the scenario as it is)';
  return [
    `${s.pass ? 'PASS' : 'FAIL'}: ${s.scenario} with the curveball (seed ${s.seed})`,
    `  levers from your answer: ${levers}`,
    `  P95 ${s.result.p95Ms.toFixed(1)} ms (SLO ${s.slo.p95Ms} ms) · errors ${(s.result.errorRate * 100).toFixed(2)}% (SLO ${(s.slo.errorRate * 100).toFixed(2)}%) · goodput ${s.result.goodputRps.toFixed(0)} of ${s.result.offeredRps.toFixed(0)} req/s`,
    ...s.failures.map((f) => `  ${f}`),
  ];
}

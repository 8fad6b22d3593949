import type { Check, Comparison } from '../engine/sim/compare.js';
import { comparisonRows, figureAt, formatFigure } from '../engine/sim/compare-format.js';
import { formatLever, sloTarget, type Lever } from '../engine/sim/levers.js';
import type { LeverModel } from '../engine/sim/lever-fields.js';

export function renderLevers(sc: LeverModel): string {
  const levers = sc.levers ?? [];
  const out = [
    `${sc.name}`,
    '',
    levers.length ? 'Levers (--set NAME=VALUE)' : 'No levers: this scenario declares none.',
  ];
  for (const l of levers) {
    const range = l.choices
      ? l.choices.slice(l.min, l.max + 1).join(' | ')
      : `${l.min} … ${l.max} ${l.unit}, step ${l.step}`;
    out.push(
      `  ${l.name.padEnd(18)} ${formatLever(l, l.baseline).padEnd(12)} ${range}${l.description ? `  · ${l.description}` : ''}`,
    );
  }
  const slos = sc.slos ?? [];
  if (slos.length) out.push('', 'SLOs', ...slos.map((s) => `  ${s.name}  (${sloTarget(s)})`));
  return `${out.join('\n')}\n`;
}

function checkText(c: Check): string {
  return `${c.pass ? 'pass' : 'FAIL'} ${round(c.value)} [${round(c.ci95[0])}, ${round(c.ci95[1])}]`;
}

const round = (n: number) => String(Number(n.toPrecision(6)));

export function renderComparison(
  sc: LeverModel,
  levers: readonly Lever[],
  values: Record<string, number>,
  r: Comparison,
): string {
  const changed = levers.filter((l) => values[l.name] !== undefined && values[l.name] !== l.baseline);
  const seeds =
    r.seeds.length === 1
      ? `seed ${r.seeds[0]}`
      : `${r.seeds.length} seeds (${r.seeds[0]}…${r.seeds[r.seeds.length - 1]})`;
  const out = [
    `${sc.name} · ${seeds} · each figure a mean ± its 95% interval`,
    `yours: ${changed.length ? changed.map((l) => `${l.name} ${formatLever(l, values[l.name])} (baseline ${formatLever(l, l.baseline)})`).join(', ') : 'the baseline unchanged'}`,
    '',
    `${''.padEnd(18)}${'baseline'.padEnd(22)}yours`,
  ];
  for (const row of comparisonRows(sc.kind)) {
    out.push(
      `${row.label.padEnd(18)}${formatFigure(figureAt(r.baseline, row.path), row.digits, row.scale).padEnd(22)}${formatFigure(figureAt(r.variant, row.path), row.digits, row.scale)}`,
    );
  }
  if (r.verdict.checks.length > 0) {
    out.push('', 'SLOs (baseline · yours)');
    r.verdict.checks.forEach((c, i) =>
      out.push(`  ${c.name} (${c.target})`, `    ${checkText(r.baselineChecks[i])}  ·  ${checkText(c)}`),
    );
    out.push(
      '',
      `Verdict: ${r.verdict.pass ? 'PASS, every SLO met' : `FAIL, ${r.verdict.checks.filter((c) => !c.pass).length} of ${r.verdict.checks.length} SLOs missed`}`,
    );
  }
  return `${out.join('\n')}\n`;
}

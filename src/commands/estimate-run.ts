import { computeEstimate, type Estimate } from '../engine/capacity/estimate.js';
import {
  GRADEABLE,
  GradeError,
  formatStepValue,
  formatValue,
  gradeGuess,
  type Grade,
} from '../engine/capacity/grade.js';
import { normalizeInputs } from '../engine/capacity/inputs.js';
import { UnitError, sig3 } from '../engine/capacity/units.js';
import { UserError, type CommandContext } from './types.js';

export function runEstimate(
  ctx: CommandContext,
  raw: Record<string, string>,
  guesses: string[],
  json: boolean,
): number {
  let estimate: Estimate;
  let grades: Grade[];
  try {
    estimate = computeEstimate(normalizeInputs(raw));
    // Each input is finite, but their product can still overflow (1e300 users × 1e300 requests).
    const overflow = estimate.steps.find((s) => !Number.isFinite(s.value));
    if (overflow)
      throw new UnitError(`the inputs are too large: ${overflow.label.toLowerCase()} overflows (${overflow.formula})`);
    grades = guesses.map((text) => {
      const eq = text.indexOf('=');
      if (eq <= 0) throw new GradeError(`--guess: "${text}" must be KEY=VALUE, e.g. peakRps=5k`);
      return gradeGuess(estimate, text.slice(0, eq).trim(), text.slice(eq + 1).trim());
    });
  } catch (error) {
    if (error instanceof UnitError || error instanceof GradeError) throw new UserError(`estimate: ${error.message}`);
    throw error;
  }
  if (json) {
    // The DESIGN.md order: inputs, the sections, then the derivation and the grades.
    const { inputs, steps, ...sections } = estimate;
    ctx.stdout.write(`${JSON.stringify({ inputs, ...sections, steps, grades }, null, 2)}\n`);
    return 0;
  }
  ctx.stdout.write(renderEstimate(estimate, grades));
  return 0;
}

/** The derivation as a readable table, then the grades. */
export function renderEstimate(estimate: Estimate, grades: Grade[]): string {
  if (estimate.steps.length === 0)
    return 'Nothing to compute from these inputs: give traffic (--dau with --requests-per-user, or --rps) or --availability.\n';
  const labelWidth = Math.max(...estimate.steps.map((s) => s.label.length));
  const lines = ['Derivation', ''];
  for (const s of estimate.steps)
    lines.push(`  ${s.label.padEnd(labelWidth)}  ${s.formula} = ${formatStepValue(s.value, s.unit)}`);
  if (estimate.steps.some((s) => s.unit.startsWith('B')))
    lines.push('', '  B is bytes, b bits; KB, MB, GB, TB are powers of 1000 (KiB … TiB of 1024).');
  if (grades.length > 0) {
    lines.push('', 'Your estimates');
    for (const g of grades) {
      const kind = GRADEABLE.find((x) => x.key === g.key)!.kind;
      lines.push(
        `  ${g.key}: you said ${formatValue(kind, g.guess)}, it is ${formatValue(kind, g.actual)} (${g.ratio >= 1 ? `${sig3(g.ratio)}× high` : `${sig3(1 / g.ratio)}× low`}): ${g.verdict}`,
      );
      if (g.verdict !== 'within 2×') lines.push(`    check the step "${g.step}"${g.slip ? `; ${g.slip}` : ''}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

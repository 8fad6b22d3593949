import { paint } from '../../theme.js';
import type { AttemptSimulation } from '../../../engine/drill/attempt.js';

const GREEN = paint.good;
const RED = paint.bad;
const BOLD = (s: string) => `\u001b[1m${s}\u001b[22m`;
const DIM = (s: string) => `\u001b[2m${s}\u001b[22m`;
const num = (n: number) => String(Number(n.toPrecision(4)));

/** A saved simulator run as report lines: the verdict, the levers (those read from the answer marked), each SLO. */
export function simulationLines(sim: AttemptSimulation): string[] {
  const read = new Map(sim.read.map((r) => [r.name, r.text]));
  const levers = Object.entries(sim.levers).map(([name, value]) => {
    const shown = `${name} ${sim.shown?.[name] ?? value}`;
    return read.has(name) ? `${shown} (from “${read.get(name)}”)` : shown;
  });
  return [
    BOLD(`Your design in the simulator · ${sim.scenario} · ${sim.seeds} seeds · `) +
      (sim.pass ? GREEN('PASS') : RED('FAIL')),
    DIM(`  levers: ${levers.join(', ')}`),
    ...sim.checks.map(
      (c) =>
        `  ${c.pass ? GREEN('✓') : RED('✗')} ${c.name} (${c.target}): ${num(c.value)} [${num(c.ci95[0])}, ${num(c.ci95[1])}], baseline ${num(c.baseline)}`,
    ),
    '',
  ];
}

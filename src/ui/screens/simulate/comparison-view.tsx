import { Box, Text } from 'ink';
import { theme } from '../../theme.js';
import { comparisonRows, dynamicSeries, figureAt, formatFigure } from '../../../engine/sim/compare-format.js';
import type { Check, Comparison } from '../../../engine/sim/compare.js';
import { changedLevers } from '../../../engine/sim/lever-editor.js';
import { formatLever, type Lever } from '../../../engine/sim/levers.js';
import type { SimResult } from '../../../engine/sim/result.js';
import type { LeverModel } from '../../../engine/sim/lever-fields.js';
import { sparkline } from '../../../engine/sim/sparkline.js';

const num = (n: number) => String(Number(n.toPrecision(6)));

function CheckCell({ check, width }: { check: Check; width: number }) {
  const text = `${check.pass ? '✓' : '✗'} ${num(check.value)} [${num(check.ci95[0])}, ${num(check.ci95[1])}]`;
  return <Text color={check.pass ? theme.good : theme.bad}>{`${text.slice(0, width - 1).padEnd(width - 1)} `}</Text>;
}

/** What a comparison's levers were, in one line. */
export function leverSummary(levers: readonly Lever[], values: Record<string, number>): string {
  const changed = changedLevers(levers, values);
  return changed.length === 0
    ? 'the baseline unchanged'
    : changed.map((l) => `${l.name} ${formatLever(l, values[l.name])}`).join(', ');
}

/**
 * Baseline and yours side by side: the figures with their intervals, each SLO's pass or fail with its
 * interval, the per-second P95 and errors of the first seed, and the breaker's changes.
 */
export function ComparisonView({
  scenario,
  levers,
  values,
  comparison,
  width,
  rows,
}: {
  scenario: LeverModel;
  levers: readonly Lever[];
  values: Record<string, number>;
  comparison: Comparison;
  width: number;
  rows: number;
}) {
  // On a short terminal the frame must stay within its rows: drop goodput and retries, then the charts.
  const compact = rows < 22;
  const charts = rows >= 18;
  const col = Math.max(16, Math.floor((width - 18) / 2));
  const c = comparison;
  const requests = scenario.kind === 'requests';
  const base = c.firstBaseline as SimResult;
  const mine = c.firstVariant as SimResult;
  const chart = Math.max(10, width - 32);
  const series = (r: SimResult, key: 'p95Ms' | 'errorRate') =>
    sparkline(
      r.timeline.map((t) => t[key]),
      chart,
    );
  const transitions = requests ? mine.breaker.transitions : [];
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        <Text bold color={c.verdict.pass ? theme.good : theme.bad}>
          {c.verdict.checks.length === 0 ? 'no SLOs' : c.verdict.pass ? 'PASS' : 'FAIL'}
        </Text>
        <Text>
          {' '}
          · {c.seeds.length} seeds · yours: {leverSummary(levers, values)}
        </Text>
      </Text>
      <Text dimColor wrap="truncate-end">
        {''.padEnd(18)}
        {'baseline'.padEnd(col)}yours (mean ±95%)
      </Text>
      {comparisonRows(scenario.kind)
        .slice(0, compact ? 4 : undefined)
        .map((row) => (
          <Text key={row.path} wrap="truncate-end">
            {row.label.padEnd(18)}
            {formatFigure(figureAt(c.baseline, row.path), row.digits, row.scale).padEnd(col)}
            {formatFigure(figureAt(c.variant, row.path), row.digits, row.scale)}
          </Text>
        ))}
      {c.verdict.checks.map((check, i) => (
        <Text key={check.name} wrap="truncate-end">
          <Text>{`${check.name.slice(0, 17).padEnd(17)} `}</Text>
          <CheckCell check={c.baselineChecks[i]} width={col} />
          <CheckCell check={check} width={col} />
        </Text>
      ))}
      {!requests && charts && !compact
        ? (
            [
              ['baseline', c.firstBaseline],
              ['yours', c.firstVariant],
            ] as const
          ).map(([side, run]) => {
            const s = dynamicSeries(run);
            if (!s) return null;
            const bars = sparkline(s.values, Math.max(10, width - 36));
            return (
              <Text key={side} wrap="truncate-end">
                {`${s.label} ${side}`.padEnd(18)}
                {bars.line}{' '}
                <Text dimColor>
                  max {Math.round(bars.max).toLocaleString('en-US')} {s.unit}
                </Text>
              </Text>
            );
          })
        : null}
      {requests && charts ? (
        <>
          {compact ? null : (
            <Text wrap="truncate-end">
              P95/s baseline {series(base, 'p95Ms').line}{' '}
              <Text dimColor>max {series(base, 'p95Ms').max.toFixed(1)} ms</Text>
            </Text>
          )}
          <Text wrap="truncate-end">
            P95/s yours {series(mine, 'p95Ms').line} <Text dimColor>max {series(mine, 'p95Ms').max.toFixed(1)} ms</Text>
          </Text>
          {compact ? null : (
            <Text wrap="truncate-end">
              errors/s yours {series(mine, 'errorRate').line}{' '}
              <Text dimColor>max {(series(mine, 'errorRate').max * 100).toFixed(1)}%</Text>
            </Text>
          )}
          {compact ? null : (
            <Text wrap="truncate-end" dimColor>
              breaker (yours, seed {c.seeds[0]}):{' '}
              {transitions.length === 0
                ? 'no changes'
                : transitions
                    .slice(0, 4)
                    .map((t) => `${t.at.toFixed(1)} s ${t.from}→${t.to}`)
                    .join(' · ') + (transitions.length > 4 ? ` · … ${transitions.length - 4} more` : '')}
            </Text>
          )}
        </>
      ) : null}
    </Box>
  );
}

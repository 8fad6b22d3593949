import { describe, expect, it } from 'vitest';
import { loadQuestionBank } from '../../../src/content/load-questions.js';
import { builtinQuestionsDir } from '../../../src/content/paths.js';
import { measureDensity } from '../../../src/engine/drill/scoring/list-density.js';
import { scoreStep } from '../../../src/engine/drill/scoring/score.js';

const bank = loadQuestionBank({ builtinDir: builtinQuestionsDir(), extraDirs: [] });
const whatElse = bank.questions.find((q) => q.id === 'fw-cache-stampede')!.steps[2];

describe('a link word inside a hyphenated name is part of the name', () => {
  it('"stale-while-revalidate" gives no reason: named alone it earns the bare share', () => {
    const bare = scoreStep(whatElse, 'Use stale-while-revalidate.')!;
    expect(bare.unreasoned).toEqual(['stale while revalidate']);
    expect(bare.reasoned).toEqual([]);
    const argued = scoreStep(whatElse, 'Use stale-while-revalidate, because popular keys then never miss again.')!;
    expect(argued.reasoned).toEqual(['stale while revalidate']);
  });

  it('a list of terms with such a name is still a list (capped)', () => {
    expect(
      measureDensity('cache warming, single flight, stale-while-revalidate, TTL jitter, connection pool').list,
    ).toBe(true);
    expect(
      scoreStep(whatElse, 'cache warming, single flight, stale-while-revalidate, TTL jitter, connection pool')!.score,
    ).toBeLessThanOrEqual(30);
  });

  it('terms with a real reason stay an argument', () => {
    expect(measureDensity('P95/P99, since averages hide the tail').list).toBe(false);
  });
});

describe('a stance named as the weakness it avoids is a critique, not a recommendation', () => {
  const strategy = bank.questions.find((q) => q.id === 'q1-1-scale-gateway')!.steps[1];
  it.each([
    'Scale out horizontally since the gateway is stateless, which avoids the single point of failure of a bigger machine.',
    'Scale out behind a load balancer because the gateway is stateless; the ceiling of a bigger machine comes fast.',
  ])('%s', (answer) => {
    const result = scoreStep(strategy, answer)!;
    expect(result.deductions.filter((d) => d.kind === 'opposite' || d.kind === 'contradiction')).toEqual([]);
  });

  it('recommending the bigger machine is still caught', () => {
    const result = scoreStep(
      strategy,
      'Move the gateway to a bigger machine with more cores; that is the simplest fix.',
    )!;
    expect(result.deductions.some((d) => /scaling up/.test(d.reason))).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../src/engine/sim/model.js';
import { resultJsonChunks, toResult } from '../../../src/engine/sim/result.js';
import { scenario } from './helpers.js';

describe('JSON result in pieces', () => {
  it.each([0, 1, 999, 1000, 1001, 2500])('with %i timeline rows parses to exactly the result object', (seconds) => {
    const sc = scenario({ duration: seconds * 1000, traffic: { rate: 5, arrival: 'constant', clients: 1, steps: [] } });
    const result = toResult('x', 1, sc.duration, 0, runScenario(sc, 1), 0);
    expect(result.timeline).toHaveLength(seconds);
    const chunks = [...resultJsonChunks(result)];
    const text = chunks.join('');
    expect(JSON.parse(text)).toEqual(result);
    expect(text.endsWith('}\n')).toBe(true);
    // A row per line, and never more than a thousand rows in one piece.
    const rowLines = text.split('\n').filter((line) => line.startsWith('    {"t":'));
    expect(rowLines).toHaveLength(seconds);
    for (const chunk of chunks)
      expect(chunk.split('\n').filter((line) => line.startsWith('    {"t":')).length).toBeLessThanOrEqual(1000);
  });
});

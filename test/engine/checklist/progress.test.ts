import { describe, expect, it } from 'vitest';
import { overallProgress, progressBar, sectionProgress, toggleTick } from '../../../src/engine/checklist/progress.js';
import type { Checklist } from '../../../src/engine/checklist/types.js';

const item = (id: string) => ({ id, text: id, note: '' });
const checklist: Checklist = {
  title: 't',
  sections: [
    { id: 'a', title: 'A', items: [item('a1'), item('a2'), item('a3'), item('a4')] },
    { id: 'b', title: 'B', items: [item('b1')] },
    { id: 'c', title: 'C', items: [] },
  ],
};

describe('checklist progress', () => {
  it.each([
    [{}, [0, 0, 0], 0, 5],
    [{ a1: 'd', a3: 'd' }, [0.5, 0, 0], 2, 5],
    [{ a1: 'd', b1: 'd', gone: 'd' }, [0.25, 1, 0], 2, 5],
  ])('ticks %j give section ratios %j and %i/%i overall', (ticks, ratios, done, total) => {
    expect(checklist.sections.map((s) => sectionProgress(s, ticks).ratio)).toEqual(ratios);
    expect(overallProgress(checklist, ticks)).toEqual({ done, total, ratio: done / total });
  });

  it('toggling ticks with the date, and unticks, without changing the input', () => {
    const before = { a1: '2026-01-01' };
    const after = toggleTick(before, 'a2', '2026-11-24T00:00:00.000Z');
    expect(after).toEqual({ a1: '2026-01-01', a2: '2026-11-24T00:00:00.000Z' });
    expect(before).toEqual({ a1: '2026-01-01' });
    expect(toggleTick(after, 'a1', 'x')).toEqual({ a2: '2026-11-24T00:00:00.000Z' });
  });

  it.each([
    [0, 10, '░░░░░░░░░░'],
    [0.5, 10, '█████░░░░░'],
    [1, 4, '████'],
    [0.26, 10, '███░░░░░░░'],
  ])('a bar at %f over %i cells is %s', (ratio, width, bar) => {
    expect(progressBar({ done: 0, total: 1, ratio }, width)).toBe(bar);
  });
});

import { describe, expect, it } from 'vitest';
import { apply, describeChanges, diff } from '../../src/store/merge.js';

const a1 = { questionId: '1.1', at: '2026-11-24T10:00:00.000Z', score: 70 };
const a2 = { questionId: '1.2', at: '2026-11-24T11:00:00.000Z', score: 40 };
const a3 = { questionId: '1.3', at: '2026-11-24T12:00:00.000Z', score: 90 };

describe('three-way merge of the store', () => {
  it.each([
    // [name, base, ours, disk (another process saved meanwhile), expected merge]
    [
      'our new attempt joins theirs',
      { attempts: [a1] },
      { attempts: [a1, a2] },
      { attempts: [a1, a3] },
      { attempts: [a1, a3, a2] },
    ],
    [
      'our removal does not touch theirs',
      { attempts: [a1, a2] },
      { attempts: [a2] },
      { attempts: [a1, a2, a3] },
      { attempts: [a2, a3] },
    ],
    [
      'a tick here and a tick there both stay',
      { checklist: {} },
      { checklist: { x: 'd1' } },
      { checklist: { y: 'd2' } },
      { checklist: { y: 'd2', x: 'd1' } },
    ],
    [
      'our untick removes only that key',
      { checklist: { x: 'd1', y: 'd2' } },
      { checklist: { y: 'd2' } },
      { checklist: { x: 'd1', y: 'd2', z: 'd3' } },
      { checklist: { y: 'd2', z: 'd3' } },
    ],
    [
      'a key we did not change keeps their value',
      { settings: { editor: 'vi' } },
      { settings: { editor: 'vi' } },
      { settings: { editor: 'nano' } },
      { settings: { editor: 'nano' } },
    ],
    [
      'a key we changed takes ours',
      { settings: { editor: 'vi' } },
      { settings: { editor: 'emacs' } },
      { settings: { editor: 'nano' } },
      { settings: { editor: 'emacs' } },
    ],
    [
      'a draft saved and the same question finished elsewhere',
      { drafts: {} },
      { drafts: { q: { s: 1 } } },
      { drafts: {}, attempts: [a1] },
      { drafts: { q: { s: 1 } }, attempts: [a1] },
    ],
    [
      'a section only a later version knows is merged per key too',
      { cards: { a: 1 } },
      { cards: { a: 1, b: 2 } },
      { cards: { a: 5 } },
      { cards: { a: 5, b: 2 } },
    ],
    [
      'an identical attempt recorded by two processes is kept twice',
      { attempts: [] },
      { attempts: [a1] },
      { attempts: [a1] },
      { attempts: [a1, a1] },
    ],
    [
      'removing one of two identical attempts removes one',
      { attempts: [a1, a1] },
      { attempts: [a1] },
      { attempts: [a1, a1, a2] },
      { attempts: [a1, a2] },
    ],
  ])('%s', (_name, base, ours, disk, expected) => {
    expect(apply(disk, diff(base, ours))).toEqual(expected);
  });

  it('leaves the disk copy untouched', () => {
    const disk = { attempts: [a1] };
    apply(disk, diff({ attempts: [] }, { attempts: [a2] }));
    expect(disk).toEqual({ attempts: [a1] });
  });

  it('names unsaved changes for the quit message', () => {
    const base = { attempts: [a1], checklist: {}, drafts: {} };
    const ours = { attempts: [a1, a2, a3], checklist: { x: 'd', y: 'd' }, drafts: { '2.1': {} } };
    expect(describeChanges(diff(base, ours))).toEqual([
      '2 attempts (1.2, 1.3)',
      '2 checklist changes',
      'the draft of 2.1',
    ]);
    expect(describeChanges(diff(base, base))).toEqual([]);
  });
});

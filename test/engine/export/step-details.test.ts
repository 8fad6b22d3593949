import { describe, expect, it } from 'vitest';
import { deductionsOf, field, misconceptionsOf } from '../../../src/engine/export/step-details.js';

describe('step details read defensively', () => {
  it.each([
    [{ deductions: [{ reason: 'r', points: 5 }] }, [{ reason: 'r', points: 5 }]],
    [{ deductions: [{ reason: 'r', points: 5, correction: 'c' }] }, [{ reason: 'r', points: 5, correction: 'c' }]],
    [{ deductions: [{ reason: 'r', correction: 7 }] }, [{ reason: 'r', points: undefined }]],
    [{ deductions: ['plain text'] }, [{ reason: 'plain text' }]],
    [{ deductions: [{ message: 'm', points: '5' }] }, [{ reason: 'm', points: undefined }]],
    [{ deductions: [{ points: 5 }, 7, null] }, []],
    [{ deductions: 'x' }, []],
    [null, []],
    [[], []],
  ])('deductions of %j: %j', (record, expected) => {
    expect(deductionsOf(record)).toEqual(expected);
  });

  it.each([
    [
      {
        misconceptions: ['a', { label: 'b' }, { phrase: 'c' }, { misconception: 'd' }, { id: 'e' }, { reason: 'f' }, 3],
      },
      ['a', 'b', 'c', 'd', 'e', 'f'],
    ],
    // The label wins over the other keys; the grading's "misconception: " prefix goes, in any case.
    [{ misconceptions: [{ reason: 'Misconception: x', label: 'y' }, 'MISCONCEPTION:  z'] }, ['y', 'z']],
    [
      {
        deductions: [
          { kind: 'misconception', reason: 'misconception: retries … always safe' },
          { kind: 'number', reason: 'peak is off' },
        ],
      },
      ['retries … always safe'],
    ],
    // A misconceptions list, even empty, is read instead of the deductions.
    [{ misconceptions: [], deductions: [{ kind: 'misconception', reason: 'x' }] }, []],
    [{ deductions: 'x' }, []],
    [{}, []],
  ])('misconceptions of %j: %j', (record, expected) => {
    expect(misconceptionsOf(record)).toEqual(expected);
  });

  it('field reads a property of an object only', () => {
    expect(field({ a: 1 }, 'a')).toBe(1);
    expect(field([1], '0')).toBeUndefined();
    expect(field(null, 'a')).toBeUndefined();
    expect(field('abc', 'length')).toBeUndefined();
  });
});

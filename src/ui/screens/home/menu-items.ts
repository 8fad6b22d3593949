import type { Screen } from '../screen.js';

export interface MenuItem {
  label: string;
  /** Shown beside the selected item. */
  description: string;
  screen: Screen;
}

/** The modes on the home menu. A mode is listed only once it works. */
export const menuItems: MenuItem[] = [
  {
    label: 'Practice',
    description: 'answer questions through their analysis frameworks; weak and due ones first',
    screen: { name: 'practice' },
  },
  {
    label: 'Review',
    description: 'the steps due for spaced review (FSRS), weakest first across topics',
    screen: { name: 'review' },
  },
  {
    label: 'Mock interview',
    description: 'a timed 45-minute design round in six phases, a curveball, and a report',
    screen: { name: 'mock' },
  },
  {
    label: 'Capacity calculator',
    description: 'back-of-the-envelope maths that shows its work; presets for Go Coffee and classics',
    screen: { name: 'calculator' },
  },
  {
    label: 'Simulate',
    description: 'run a scenario with your own levers (instances, timeouts, retries, cache) against its SLOs',
    screen: { name: 'simulate' },
  },
  {
    label: 'Reference card',
    description: 'latency numbers, the nines, powers of two, time conversions',
    screen: { name: 'reference' },
  },
  {
    label: 'Stats',
    description: 'score trends per topic, concepts missed most, mock pacing, streak, due reviews',
    screen: { name: 'stats' },
  },
  {
    label: 'History',
    description: 'every attempt, step review and mock again: answers, scores, deductions',
    screen: { name: 'history' },
  },
  {
    label: 'Checklist',
    description: 'what you should be able to do by the end, ticked as you get there',
    screen: { name: 'checklist' },
  },
];

import { it } from 'vitest';
import { prepare } from '../src/engine/drill/scoring/text.js';
import { findMentions } from '../src/engine/drill/scoring/match.js';
import { critiqued } from '../src/engine/drill/scoring/polarity.js';
it('x', () => {
  const t = prepare(process.env.T ?? '');
  for (const p of (process.env.P ?? '').split('|')) for (const m of findMentions(t, p)) console.log(p, m, t.raw.slice(m.start, m.end + 1), 'clause', t.clause.slice(m.start, m.end + 4), 'crit', critiqued(t, m));
});

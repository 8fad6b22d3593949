import type { Step } from '../types.js';
import { isContent } from './function-words.js';
import { stem, words } from './stem.js';
import type { Mention } from './match.js';
import type { PreparedText } from './text.js';

/**
 * A sentence whose concept words all come from the step's own title and prompt must add this many
 * content words of its own before it earns anything: echoing the question back is not an answer.
 */
export const NOVEL_WORDS_NEEDED = 2;

/** The stems of the step's title and prompt: what the answer is given, not what it adds. */
export function givenStems(step: Pick<Step, 'title' | 'prompt'>): Set<string> {
  return new Set(words(`${step.title} ${step.prompt}`).map(stem));
}

/** Content words in sentence `s` that the step's title and prompt do not contain. */
export function novelWords(text: PreparedText, s: number, given: ReadonlySet<string>): number {
  let count = 0;
  text.raw.forEach((word, i) => {
    if (text.sentence[i] === s && isContent(word) && !given.has(text.stems[i])) count += 1;
  });
  return count;
}

/**
 * Whether a mention says something the prompt did not: new words, or a sentence that adds enough.
 * Taking a side of a choice the prompt poses ("up or out?") needs only one new word: the reason.
 */
export function addsToPrompt(
  text: PreparedText,
  mention: Mention,
  given: ReadonlySet<string>,
  needed = NOVEL_WORDS_NEEDED,
): boolean {
  for (let i = mention.start; i <= mention.end; i += 1) {
    if (isContent(text.raw[i]) && !given.has(text.stems[i])) return true;
  }
  const s = text.sentence[mention.start];
  // A heading sentence ("CP.") is continued by the sentence after it.
  const heading = text.sentence.filter((x) => x === s).length <= 3;
  return novelWords(text, s, given) + (heading ? novelWords(text, s + 1, given) : 0) >= needed;
}

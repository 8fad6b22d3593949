import { colourWanted } from './colour.js';

/**
 * Every colour of the UI, named by what it means. Screens write `<Text color={theme.accent}>`
 * (lint refuses colour literals in JSX) and pre-styled lines use `paint.good(text)`.
 *
 * With NO_COLOR set (https://no-color.org) every colour is undefined and `paint` returns the text
 * as it is: bold, dim and inverse stay, since they are not colour and carry the focus and headings.
 */

/** What a colour says. */
export type Tone =
  /** Titles, the focused row, keys in help. */
  | 'accent'
  /** Hits, ticks, a good score, time to spare. */
  | 'good'
  /** Due items, hints, notices that need a look. */
  | 'warn'
  /** Misses, errors, invalid fields, time over. */
  | 'bad'
  /** Messages about what just happened (a skipped step, an editor's result). */
  | 'note'
  /** Borders of inactive boxes. */
  | 'muted';

const COLOURS: Record<Tone, string> = {
  accent: 'cyan',
  good: 'green',
  warn: 'yellow',
  bad: 'red',
  note: 'magenta',
  muted: 'gray',
};
const SGR: Record<Tone, number> = { accent: 36, good: 32, warn: 33, bad: 31, note: 35, muted: 90 };

/** The Ink colour of each tone; undefined when colour is off. Read at render time, never copied. */
export const theme: Record<Tone, string | undefined> & { colour: boolean } = { ...COLOURS, colour: true };

/** ANSI-coloured text of each tone, for lines rendered to strings (Markdown, reviews, reference card). */
export const paint: Record<Tone, (text: string) => string> = Object.fromEntries(
  (Object.keys(SGR) as Tone[]).map((tone) => [
    tone,
    (text: string) => (theme.colour ? `\u001b[${SGR[tone]}m${text}\u001b[39m` : text),
  ]),
) as Record<Tone, (text: string) => string>;

/** Bold and dim for string lines; kept with NO_COLOR. */
export const bold = (text: string) => `\u001b[1m${text}\u001b[22m`;
export const dim = (text: string) => `\u001b[2m${text}\u001b[22m`;

/** Switch colour on or off from the environment: NO_COLOR turns it off unless FORCE_COLOR forces it on. */
export function configureTheme(env: Record<string, string | undefined>): void {
  const colour = colourWanted(env);
  theme.colour = colour;
  for (const tone of Object.keys(COLOURS) as Tone[]) theme[tone] = colour ? COLOURS[tone] : undefined;
}

/** Colour escapes removed, bold/dim/inverse kept (one implementation, shared with the NO_COLOR output filter). */
export { stripColour } from './colour.js';

// Stands in for the `string-width` package in the bundle (scripts/build.mjs routes Ink's, wrap-ansi's and
// cli-truncate's imports here): a default export, because that is the package's interface.
import { eastAsianWidth } from 'get-east-asian-width';
import stripAnsi from 'strip-ansi';
import type stringWidthType from 'string-width';

type StringWidth = typeof stringWidthType;
let stringWidth: StringWidth | undefined;

/**
 * The package, loaded on first need: its module builds Unicode property regexes (RGI emoji and more)
 * when it loads, ~13 ms before the first frame that simple text never needs. esbuild turns this
 * require into a lazy initialiser inside the bundle.
 */
function packageWidth(text: string, options?: Parameters<StringWidth>[1]): number {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous, deferred load (see above)
  stringWidth ??= (require('string-width') as { default: StringWidth }).default;
  return stringWidth(text, options);
}

/**
 * Text in which every code point is a grapheme cluster on its own and its width is its East Asian
 * Width: printable ASCII, Latin, Greek, Cyrillic, general punctuation, arrows, maths, box drawing,
 * shapes, dingbats, CJK and Hangul syllables. No marks, no format or control characters, no
 * variation selectors, no Hangul jamo, no halfwidth forms, nothing outside the BMP: those need
 * grapheme segmentation, and `Intl.Segmenter` costs milliseconds to build before the first frame
 * when all the home screen has is `→ · ❯`.
 */
const SIMPLE =
  /^[\u0020-\u007E\u00A0-\u00AC\u00AE-\u02FF\u0370-\u0482\u048A-\u052F\u2010-\u2027\u2030-\u205E\u20A0-\u20C0\u2100-\u214F\u2190-\u24FF\u2500-\u27BF\u3000-\u3029\u3030-\u303F\u3041-\u3096\u309B-\u30FF\u4E00-\u9FFF\uAC00-\uD7A3]*$/;

/** Columns `text` takes in a terminal: string-width's answer, without segmenting simple text. */
export default function fastStringWidth(text: string, options?: Parameters<StringWidth>[1]): number {
  if (typeof text !== 'string' || options !== undefined) return packageWidth(text, options);
  const plain = text.includes('\u001B') || text.includes('\u009B') ? stripAnsi(text) : text;
  if (!SIMPLE.test(plain)) return packageWidth(plain);
  let width = 0;
  for (let i = 0; i < plain.length; i += 1) width += eastAsianWidth(plain.charCodeAt(i));
  return width;
}

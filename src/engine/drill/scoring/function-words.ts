/**
 * Words that carry grammar rather than content: prose is about 40% of them, a list of terms almost
 * none. "and"/"or" are left out on purpose: a kitchen sink joins terms with them.
 */
export const FUNCTION_WORDS = new Set([
  'a', 'an', 'the', 'this', 'that', 'these', 'those', 'it', 'its', 'we', 'i', 'you', 'they', 'them', 'their', 'our', 'us',
  'he', 'she', 'one', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'has', 'have', 'had', 'do', 'does', 'did',
  'will', 'would', 'should', 'can', 'could', 'may', 'might', 'must', 'shall', 'to', 'of', 'in', 'on', 'for', 'with', 'by',
  'at', 'from', 'into', 'onto', 'as', 'if', 'when', 'then', 'than', 'so', 'because', 'since', 'which', 'who', 'what',
  'where', 'why', 'how', 'not', 'no', 'dont', 'doesnt', 'isnt', 'arent', 'wont', 'cant', 'each', 'every', 'any', 'all',
  'some', 'there', 'here', 'also', 'only', 'just', 'very', 'more', 'most', 'less', 'but', 'about', 'after', 'before',
  'until', 'while', 'over', 'under', 'up', 'out', 'off', 'through', 'per', 'other', 'such', 'own', 'same', 'too', 'my',
  'me', 'your', 'his', 'her', 'let', 'lets', 'get', 'gets', 'got', 'make', 'makes', 'need', 'needs', 'way', 'first',
  'now', 'even', 'still', 'yet', 'though', 'otherwise', 'instead', 'rather', 'both', 'either', 'neither', 'nor', 'once',
]);

/** Verbs that mark a clause as a statement rather than a noun phrase; the common ones of design answers. */
export const VERBS = new Set([
  'is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'do', 'does', 'did', 'will', 'would', 'should',
  'can', 'could', 'may', 'might', 'must', 'need', 'needs', 'use', 'uses', 'add', 'adds', 'put', 'puts', 'run',
  'runs', 'keep', 'keeps', 'make', 'makes', 'let', 'lets', 'take', 'takes', 'give', 'gives', 'go', 'goes', 'get',
  'gets', 'send', 'sends', 'move', 'moves', 'see', 'measure', 'find', 'show', 'shows', 'tell', 'tells', 'means',
  'mean', 'stop', 'stops', 'start', 'starts', 'want', 'try', 'fail', 'fails', 'pick', 'choose', 'prefer', 'avoid',
  'avoids', 'protect', 'protects', 'grow', 'grows', 'hold', 'holds', 'wait', 'waits', 'lose', 'loses', 'serve',
  'serves', 'refuse', 'refuses', 'accept', 'accepts', 'decide', 'ensure', 'ensures', 'allow', 'allows', 'prevent',
  'prevents', 'reduce', 'reduces', 'increase', 'increases', 'become', 'becomes', 'happen', 'happens', 'build',
  'builds', 'come', 'comes', 'say', 'says', 'know', 'think', 'promote', 'promotes', 'reject', 'rejects', 'lowers',
  'raise', 'multiply', 'multiplies', 'pay', 'pays', 'buy', 'buys', 'sell', 'sells', 'spend', 'stay', 'stays', 'ask',
  'asks', 'reach', 'meet', 'meets', 'handle', 'handles', 'tune',
]);

/** Words that fill a sentence without saying anything of their own ("caching things in places"). */
const EMPTY_WORDS = new Set(['thing', 'things', 'stuff', 'something', 'anything', 'everything', 'place', 'places', 'ways', 'kind', 'sort', 'lot', 'lots', 'bit', 'certain', 'various', 'sometimes', 'somewhere', 'like', 'such', 'well', 'good', 'use']);

/** Whether a word counts as content: not a function word, a filler, or a bare number. */
export function isContent(word: string): boolean {
  return !FUNCTION_WORDS.has(word) && !EMPTY_WORDS.has(word) && word !== 'and' && word !== 'or' && !/^\d+$/.test(word);
}

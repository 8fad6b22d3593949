import { describe, expect, it } from 'vitest';
import { escapeUnsafe, sanitizeDeep, sanitizeText } from '../../../src/engine/text/sanitize.js';

describe('sanitizeText', () => {
  it.each([
    ['keeps newlines and tabs', 'a\n\tb', 'a\n\tb'],
    ['drops ESC from a CSI sequence', 'x\u001b[31mred', 'x[31mred'],
    ['drops BEL and ESC from an OSC 52 clipboard write', '\u001b]52;c;aGk=\u0007', ']52;c;aGk='],
    ['drops carriage return (line overwrite)', 'safe\roops', 'safeoops'],
    ['drops a lone ESC', 'a\u001bb', 'ab'],
    ['drops DEL', 'a\u007fb', 'ab'],
    ['drops 8-bit CSI and OSC (C1)', 'a\u009b2Jb\u009d0;t\u009c', 'a2Jb0;t'],
    ['drops bidi overrides and isolates', 'a\u202edcba\u202c\u2066x\u2069\u200f', 'adcbax'],
    ['keeps ordinary Unicode', 'Café ☕ — 99.99 %', 'Café ☕ — 99.99 %'],
  ])('%s', (_name, input, expected) => {
    expect(sanitizeText(input)).toBe(expected);
  });

  it('sanitizes nested values and keys, leaving numbers alone', () => {
    expect(sanitizeDeep({ 'k\u001b': ['v\u0007', 3, { x: '\u009bq' }], n: 1 })).toEqual({
      k: ['v', 3, { x: 'q' }],
      n: 1,
    });
  });
});

describe('escapeUnsafe (command output)', () => {
  it.each([
    ['a lone CR is escaped (it would overwrite the line)', 'safe\roops', 'safe\\u000doops'],
    ['CRLF line ends stay (RFC 4180 CSV)', 'a,b\r\nc,d\r\n', 'a,b\r\nc,d\r\n'],
    ['ESC and BEL are escaped', '\u001b]52;c;aGk=\u0007', '\\u001b]52;c;aGk=\\u0007'],
    ['newlines and tabs stay', 'a\tb\nc', 'a\tb\nc'],
  ])('%s', (_name, input, expected) => {
    expect(escapeUnsafe(input)).toBe(expected);
  });
});

/**
 * Make untrusted text (question packs, typed answers) safe to print in a terminal.
 * Keeps `\n` and `\t`; drops every other C0 control (ESC, BEL, `\r`, …), DEL, C1 controls
 * (U+0080–U+009F, which include 8-bit CSI and OSC) and the bidi overrides/isolates that can
 * make text read differently from what it is. Only our own renderer adds colour.
 */
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

const UNSAFE_ONE = new RegExp(UNSAFE.source);

/** Whether sanitizeText would change `text` (without building the copy). */
export function hasUnsafe(text: string): boolean {
  return UNSAFE_ONE.test(text);
}

export function sanitizeText(text: string): string {
  return text.replace(UNSAFE, '');
}

/** Sanitize every string inside a parsed value (objects and arrays are copied). */
export function sanitizeDeep<T>(value: T): T {
  if (typeof value === 'string') return sanitizeText(value) as T;
  if (Array.isArray(value)) return value.map((item) => sanitizeDeep(item)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    // defineProperty, not assignment: a "__proto__" key must stay a key (and be reported as an
    // unknown field), not become the copy's prototype.
    for (const [key, item] of Object.entries(value)) {
      Object.defineProperty(out, sanitizeText(key), {
        value: sanitizeDeep(item),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out as T;
  }
  return value;
}

/** As UNSAFE, but a CR that ends a line (CRLF, as RFC 4180 CSV writes) is left alone: only a lone CR can overwrite a line. */
const UNSAFE_OUTPUT =
  /\r(?!\n)|[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Make text safe for stdout/stderr without changing what it says: every character the sanitizer
 * would drop becomes its `\uXXXX` escape. Inside a JSON document such characters can only stand in
 * strings, where the escape is the same character to a JSON reader, so a `--json` document keeps
 * its data exactly; in plain text a hostile file name shows as inert `\u001b]52;…`.
 */
export function escapeUnsafe(text: string): string {
  return text.replace(UNSAFE_OUTPUT, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

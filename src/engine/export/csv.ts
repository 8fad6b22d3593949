/**
 * One CSV field per RFC 4180: quoted when it holds a comma, a quote, a CR or LF (or leading or
 * trailing space, which spreadsheets trim), with quotes doubled. Text is never altered otherwise:
 * answers often start with "- " or "=", and the file is a faithful copy of what was written.
 */
export function csvField(value: string | number | undefined): string {
  if (value === undefined) return '';
  const text = String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows to CSV text: fields quoted as needed, CRLF line ends (RFC 4180), a final line end. */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | undefined>>): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

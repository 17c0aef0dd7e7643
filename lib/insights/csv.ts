// CSV for spreadsheets, safely: RFC 4180 quoting, and any cell a spreadsheet
// would read as a formula (starting with =, +, -, @, a tab or a carriage
// return) prefixed with an apostrophe, so a student named "=HYPERLINK(…)"
// stays text in the instructor's gradebook (OWASP's CSV injection advice).
// Numbers stay numbers (a negative number is not a formula). Pure.

export type Cell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows to CSV text with CRLF line ends and a UTF-8 byte-order mark (Excel reads accents right). */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<Cell>>): string {
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

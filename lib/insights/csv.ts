// CSV for spreadsheets, safely. csv-stringify does the quoting (RFC 4180);
// before it, any text cell a spreadsheet would read as a formula (starting
// with =, +, -, @, a tab or a carriage return) gets an apostrophe in front, so
// a student named "=HYPERLINK(…)" stays text in the instructor's gradebook
// (OWASP's CSV injection advice). Numbers stay numbers (a negative number is
// not a formula). Pure.
import { stringify } from "csv-stringify/sync";

export type Cell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell's value as it goes to the CSV writer: text neutralised, numbers kept, nothing as empty. */
export function safeCell(value: Cell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** One cell as CSV text (for tests and single values). */
export const csvCell = (value: Cell): string => stringify([[safeCell(value)]], { record_delimiter: "" });

/** Rows to CSV text with CRLF line ends and a UTF-8 byte-order mark (Excel reads accents right). */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<Cell>>): string {
  return stringify(
    rows.map((r) => r.map(safeCell)),
    { bom: true, record_delimiter: "windows", quoted_match: /[\r\n]/ },
  );
}

/**
 * Rows to a streamed CSV download: the header, then each batch as the source
 * yields it (a database cursor, a page of rows), written by csv-stringify with
 * the same quoting, line ends, byte-order mark and formula neutralisation as toCsv.
 */
export function csvStream(header: ReadonlyArray<Cell>, batches: AsyncIterable<ReadonlyArray<ReadonlyArray<Cell>>>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const chunk = (rows: ReadonlyArray<ReadonlyArray<Cell>>, bom: boolean) =>
    encoder.encode(stringify(rows.map((r) => r.map(safeCell)), { bom, record_delimiter: "windows", quoted_match: /[\r\n]/ }));
  const iterator = batches[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(chunk([header], true));
    },
    async pull(controller) {
      // A pull that enqueues nothing is not called again: skip empty batches here.
      for (;;) {
        const next = await iterator.next();
        if (next.done) return controller.close();
        if (next.value.length) return controller.enqueue(chunk(next.value, false));
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/** The headers of a CSV download named `file` (ASCII letters, digits, dashes). */
export function csvHeaders(file: string): HeadersInit {
  const safe = file.replace(/[^\w -]+/g, "").trim().replace(/\s+/g, "-") || "export";
  return { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${safe}.csv"`, "cache-control": "no-store" };
}

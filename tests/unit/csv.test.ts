import { describe, expect, test } from "vitest";
import { csvCell, csvStream, toCsv } from "@/lib/insights/csv";

describe("CSV cells", () => {
  test.each([
    { value: "Sam Student", cell: "Sam Student" },
    { value: "Moreau, Lucas", cell: '"Moreau, Lucas"' },
    { value: 'say "hi"', cell: '"say ""hi"""' },
    { value: "two\nlines", cell: '"two\nlines"' },
    { value: "=HYPERLINK(\"http://evil.example\",\"x\")", cell: "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"" },
    { value: "+1 555", cell: "'+1 555" },
    { value: "-2+3", cell: "'-2+3" },
    { value: "@SUM(A1)", cell: "'@SUM(A1)" },
    { value: "\tcmd", cell: "'\tcmd" },
    { value: -5, cell: "-5" },
    { value: 72.5, cell: "72.5" },
    { value: null, cell: "" },
    { value: Number.NaN, cell: "" },
  ])("$value → $cell", ({ value, cell }) => {
    expect(csvCell(value)).toBe(cell);
  });

  test("rows with CRLF and a byte-order mark", () => {
    expect(toCsv([["Student", "Mock 1"], ["Tomás", 40]])).toBe("\uFEFFStudent,Mock 1\r\nTomás,40\r\n");
  });
});

describe("streamed CSV", () => {
  async function* batches() {
    yield [["=cmd", 1]];
    yield [];
    yield [["Moreau, Lucas", -2.5], ["two\nlines", null]];
  }
  test("the header with the byte-order mark, then each batch, quoted and neutralised as toCsv does", async () => {
    const stream = csvStream(["Name", "Score"], batches());
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());
    expect(text).toBe(toCsv([["Name", "Score"], ["=cmd", 1], ["Moreau, Lucas", -2.5], ["two\nlines", null]]));
    expect(text).toBe("\uFEFFName,Score\r\n'=cmd,1\r\n\"Moreau, Lucas\",-2.5\r\n\"two\nlines\",\r\n");
  });
});

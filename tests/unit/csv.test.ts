import { describe, expect, test } from "vitest";
import { csvCell, toCsv } from "@/lib/insights/csv";

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

import { describe, expect, test } from "vitest";
import { safeCallbackPath } from "@/lib/auth/callback-url";

describe("safeCallbackPath", () => {
  test.each([
    { value: "/learn/sqs-queues", expected: "/learn/sqs-queues" },
    { value: "/attempts/abc/results?filter=incorrect#q3", expected: "/attempts/abc/results?filter=incorrect#q3" },
    { value: "/classes/join/ABC123", expected: "/classes/join/ABC123" },
    { value: undefined, expected: "/dashboard" },
    { value: "", expected: "/dashboard" },
    { value: "https://evil.example/", expected: "/dashboard" },
    { value: "//evil.example", expected: "/dashboard" },
    { value: "/\\evil.example", expected: "/dashboard" },
    { value: "/%5Cevil.example", expected: "/%5Cevil.example" }, // still encoded: a path on our site
    { value: "/\t/evil.example", expected: "/dashboard" }, // "%09" after the query string is decoded
    { value: "/\n/evil.example", expected: "/dashboard" },
    { value: "/\r\n/evil.example", expected: "/dashboard" },
    { value: "javascript:alert(1)", expected: "/dashboard" },
    { value: "/../..//evil.example", expected: "/dashboard" },
  ])("$value → $expected", ({ value, expected }) => {
    expect(safeCallbackPath(value)).toBe(expected);
  });

  test("whatever it returns, the browser resolves it to our origin", () => {
    for (const value of ["/\\evil.example", "/\t/evil.example", "/ok", "/%2F%2Fevil.example", "/.//evil.example"]) {
      expect(new URL(safeCallbackPath(value), "https://stratus.example").host).toBe("stratus.example");
    }
  });
});

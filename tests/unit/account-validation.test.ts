import { describe, expect, test } from "vitest";
import { changePasswordSchema, emailSchema, newPasswordSchema, signUpSchema } from "@/lib/auth/validation";

describe("password strength rule", () => {
  test.each([
    ["correct-horse-7", true],
    ["stratus-student-1", true],
    ["Tr0ub4dor&3xyz", true],
    ["short1!", false], // under 10 characters
    ["onlyletterssss", false], // no digit or symbol
    ["1234567890123", false], // no letter
    ["aaaaaaaaaa1", false], // too few distinct characters
  ])("%s → %s", (password, ok) => {
    expect(newPasswordSchema.safeParse(password).success).toBe(ok);
  });
});

describe("email", () => {
  test("is trimmed and lower-cased so the same person cannot register twice by case", () => {
    expect(emailSchema.parse("  Sam@Example.COM ")).toBe("sam@example.com");
  });
  test.each(["", "sam", "sam@", "@example.com", "sam@example"])("rejects %j", (email) => {
    expect(emailSchema.safeParse(email).success).toBe(false);
  });
});

describe("sign-up and change-password forms", () => {
  test("reports each bad field by name", () => {
    const result = signUpSchema.safeParse({ name: " ", email: "nope", password: "x" });
    expect(result.success).toBe(false);
    const fields = new Set(result.error!.issues.map((i) => i.path[0]));
    expect(fields).toEqual(new Set(["name", "email", "password"]));
  });
  test("the confirmation must match", () => {
    const result = changePasswordSchema.safeParse({
      currentPassword: "old-password-1",
      newPassword: "new-password-2",
      confirmPassword: "new-password-3",
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(["confirmPassword"]);
  });
});

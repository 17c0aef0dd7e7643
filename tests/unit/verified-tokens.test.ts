import { describe, expect, test } from "vitest";
import { VerifiedTokenCache } from "@/lib/auth/verified-tokens";

const claims = (expiresAt: number) => ({ userId: "u1", sessionId: "s1", expiresAt });

describe("verified session tokens", () => {
  test.each([
    { name: "unknown token", stored: false, now: 0, hit: false },
    { name: "known and well before expiry", stored: true, now: 999, hit: true },
    { name: "expiry exactly now", stored: true, now: 1000, hit: false },
    { name: "after expiry", stored: true, now: 5000, hit: false },
  ])("$name → hit: $hit", ({ stored, now, hit }) => {
    const cache = new VerifiedTokenCache();
    if (stored) cache.set("token-a", claims(1000));
    expect(cache.get("token-a", now) !== undefined).toBe(hit);
  });

  test("only the exact token bytes match", () => {
    const cache = new VerifiedTokenCache();
    cache.set("token-a", claims(1000));
    expect(cache.get("token-a ", 0)).toBeUndefined();
    expect(cache.get("token-A", 0)).toBeUndefined();
  });

  test("bounded: the oldest entry goes first, a re-verified one counts as new", () => {
    const cache = new VerifiedTokenCache(2);
    cache.set("a", claims(1000));
    cache.set("b", claims(1000));
    cache.set("a", claims(1000));
    cache.set("c", claims(1000));
    expect(cache.size).toBe(2);
    expect(cache.get("b", 0)).toBeUndefined();
    expect(cache.get("a", 0)).toBeDefined();
    expect(cache.get("c", 0)).toBeDefined();
  });

  test("an expired entry is dropped when read", () => {
    const cache = new VerifiedTokenCache();
    cache.set("a", claims(10));
    expect(cache.get("a", 20)).toBeUndefined();
    expect(cache.size).toBe(0);
  });
});

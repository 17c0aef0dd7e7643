// Session cookies this process has already decrypted and verified, so pages,
// actions and routes (one student sends the same cookie dozens of times an
// exam) pay Auth.js's JWE decryption (HKDF key derivation, key thumbprint,
// AES-CBC + HMAC) once per cookie instead of on every request. Keyed by the
// exact cookie value: the same authenticated bytes always decrypt to the same
// claims, so the cache can never accept what decryption would refuse; the
// token's own expiry is checked on every use, and whether the session is still
// live is checked by SQL every time (readLiveSession, or a hot route's own
// statement), not here. Pure and bounded (oldest entries go first).

export type VerifiedClaims = { userId: string; sessionId: string; expiresAt: number };

export class VerifiedTokenCache {
  private entries = new Map<string, VerifiedClaims>();
  constructor(private readonly capacity = 10_000) {}

  /** The claims of a token verified before and not expired at `nowMs`, else undefined. */
  get(token: string, nowMs: number): VerifiedClaims | undefined {
    const hit = this.entries.get(token);
    if (!hit) return undefined;
    if (hit.expiresAt <= nowMs) {
      this.entries.delete(token);
      return undefined;
    }
    return hit;
  }

  set(token: string, claims: VerifiedClaims): void {
    if (this.entries.has(token)) this.entries.delete(token);
    else if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(token, claims);
  }

  get size(): number {
    return this.entries.size;
  }
}

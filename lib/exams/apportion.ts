// Splits a whole number of seats (questions) among parties by weight with the
// D'Hondt highest-averages method, respecting each party's cap (how many
// questions it has). 65 questions over 32/26/24/18 → 21/17/16/11. Pure.
export type Party<K extends string> = { key: K; weight: number; cap: number };

export function apportion<K extends string>(total: number, parties: ReadonlyArray<Party<K>>): Map<K, number> {
  const seats = new Map<K, number>(parties.map((p) => [p.key, 0]));
  let remaining = Math.max(0, Math.min(total, parties.reduce((n, p) => n + Math.max(0, p.cap), 0)));
  while (remaining > 0) {
    let best: Party<K> | undefined;
    let bestQuotient = -1;
    for (const party of parties) {
      const held = seats.get(party.key)!;
      if (held >= party.cap || party.weight <= 0) continue;
      const quotient = party.weight / (held + 1);
      if (quotient > bestQuotient) {
        best = party;
        bestQuotient = quotient;
      }
    }
    if (!best) {
      // Only zero-weight parties have room left: share out by cap order.
      best = parties.find((p) => seats.get(p.key)! < p.cap);
      if (!best) break;
    }
    seats.set(best.key, seats.get(best.key)! + 1);
    remaining--;
  }
  return seats;
}

// Finds pairs of question stems that say nearly the same thing. Pure.
// Similarity is the Jaccard index of word 3-gram shingles after normalising
// case, punctuation and numbers, so reworded copies with swapped figures match.

export type StemPair = { a: string; b: string; similarity: number };

function shingles(text: string): Set<string> {
  const words = text
    .toLowerCase()
    .replace(/[0-9]+/g, "#")
    .replace(/[^a-z#\s]/g, " ")
    .split(/\s+/)
    .filter(Boolean);
  const result = new Set<string>();
  for (let i = 0; i + 2 < words.length; i++) result.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  return result;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const s of small) if (large.has(s)) shared++;
  return shared / (a.size + b.size - shared);
}

export function findNearDuplicateStems(
  stems: ReadonlyArray<{ id: string; stem: string }>,
  threshold = 0.6,
): StemPair[] {
  const prepared = stems.map((s) => ({ id: s.id, set: shingles(s.stem) }));
  // Only stems that share a shingle can be similar: count shared shingles
  // through an inverted index instead of comparing every pair (1,000+ stems).
  const holders = new Map<string, number[]>();
  prepared.forEach((p, i) => {
    for (const shingle of p.set) (holders.get(shingle) ?? holders.set(shingle, []).get(shingle)!).push(i);
  });
  const shared = new Map<number, number>();
  for (const list of holders.values()) {
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const key = list[x]! * prepared.length + list[y]!;
        shared.set(key, (shared.get(key) ?? 0) + 1);
      }
    }
  }
  const pairs: StemPair[] = [];
  for (const [key, common] of shared) {
    const i = Math.floor(key / prepared.length);
    const j = key % prepared.length;
    const similarity = common / (prepared[i]!.set.size + prepared[j]!.set.size - common);
    if (similarity >= threshold) pairs.push({ a: prepared[i]!.id, b: prepared[j]!.id, similarity });
  }
  // Empty stems (no shingles) are identical to each other.
  const empty = prepared.filter((p) => p.set.size === 0);
  for (let x = 0; x < empty.length; x++) for (let y = x + 1; y < empty.length; y++) pairs.push({ a: empty[x]!.id, b: empty[y]!.id, similarity: 1 });
  return pairs.sort((p, q) => p.a.localeCompare(q.a) || p.b.localeCompare(q.b));
}

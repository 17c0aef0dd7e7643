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
  const pairs: StemPair[] = [];
  for (let i = 0; i < prepared.length; i++) {
    for (let j = i + 1; j < prepared.length; j++) {
      const similarity = jaccard(prepared[i]!.set, prepared[j]!.set);
      if (similarity >= threshold) pairs.push({ a: prepared[i]!.id, b: prepared[j]!.id, similarity });
    }
  }
  return pairs;
}

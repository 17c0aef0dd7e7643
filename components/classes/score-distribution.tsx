// How a class scored: attempts per band of percent correct, as bars with the
// counts written on them (the list is the text alternative). Server component.
export function ScoreDistribution({ percents }: { percents: number[] }) {
  const bands = Array.from({ length: 10 }, (_, i) => ({ from: i * 10, to: i === 9 ? 100 : i * 10 + 9 }));
  const counts = bands.map((b) => percents.filter((p) => p >= b.from && p <= b.to).length);
  const max = Math.max(1, ...counts);
  return (
    <figure>
      <figcaption className="mb-3 text-sm text-[var(--text-muted)]">Attempts by percent correct ({percents.length} in all). 72% is about the pass mark.</figcaption>
      <ul className="space-y-1.5">
        {bands.map((b, i) => (
          <li key={b.from} className="grid grid-cols-[4.5rem_1fr_2rem] items-center gap-2 text-sm">
            <span className="tabular-nums text-[var(--text-muted)]">
              {b.from}–{b.to}%
            </span>
            <span className="h-3 rounded-full bg-[var(--surface-muted)] ring-1 ring-[var(--border)]" aria-hidden>
              <span className={`block h-3 rounded-full ${b.from >= 70 ? "bg-green-600" : "bg-brand-600"}`} style={{ width: `${(100 * counts[i]!) / max}%` }} />
            </span>
            <span className="text-right font-semibold tabular-nums">{counts[i]}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}

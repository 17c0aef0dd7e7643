// The readiness gauge: predicted scaled score on a 100–1000 arc with its 80%
// interval and the 720 pass mark, and the probability of passing in words.
import { ButtonLink } from "@/components/ui/button";
import type { Readiness } from "@/lib/learning/readiness";
import { plural } from "@/lib/format/plural";

const MIN = 100;
const MAX = 1000;
const angle = (score: number) => Math.PI * (1 - (Math.min(MAX, Math.max(MIN, score)) - MIN) / (MAX - MIN));
const point = (score: number, r: number) => [100 + r * Math.cos(angle(score)), 100 - r * Math.sin(angle(score))] as const;

function arc(from: number, to: number, r: number): string {
  const [x1, y1] = point(from, r);
  const [x2, y2] = point(to, r);
  return `M ${x1} ${y1} A ${r} ${r} 0 0 1 ${x2} ${y2}`;
}

function listOf(names: string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** `readOnly`: someone else's readiness (an instructor's view of a student): no calls to action, third person. */
export function ReadinessGauge({ readiness, domainTitles, readOnly = false }: { readiness: Readiness; domainTitles: Record<number, string>; readOnly?: boolean }) {
  if (!readiness.ready) {
    const where = readiness.domainsShort.map((d) => domainTitles[d.domain] ?? `Domain ${d.domain}`);
    return (
      <div>
        <p className="text-lg font-semibold">Not enough evidence yet</p>
        {readOnly ? (
          <p className="mt-2 text-[var(--text-muted)]">
            {plural(readiness.answersNeeded, "more answer")}
            {where.length ? ` across ${listOf(where)}` : ""} before Stratus predicts this student&apos;s score ({readiness.answered} so far).
          </p>
        ) : (
          <p className="mt-2 text-[var(--text-muted)]">
            Answer {plural(readiness.answersNeeded, "more question")}
            {where.length ? ` across ${listOf(where)}` : ""} and Stratus will predict your score, with how sure it is.
            {readiness.answered > 0 && ` You have answered ${readiness.answered} so far.`}
          </p>
        )}
        {!readOnly && (
          <div className="mt-4 flex flex-wrap gap-2">
            <ButtonLink href="/practice">Take a quiz</ButtonLink>
            <ButtonLink href="/exams" variant="secondary">
              Sit a mock exam
            </ButtonLink>
          </div>
        )}
      </div>
    );
  }
  const chance = Math.round(readiness.passProbability * 100);
  const [px, py] = point(readiness.predictedScore, 80);
  const [tx1, ty1] = point(720, 66);
  const [tx2, ty2] = point(720, 94);
  return (
    <figure className="flex flex-col items-center gap-2 sm:flex-row sm:items-center sm:gap-6">
      <svg viewBox="0 0 200 112" className="w-64 max-w-full" role="img" aria-label={`Predicted score ${readiness.predictedScore} of 1000; 80% likely between ${readiness.low} and ${readiness.high}; ${chance}% chance of passing.`}>
        <path d={arc(MIN, MAX, 80)} stroke="var(--border)" strokeWidth="14" fill="none" strokeLinecap="round" />
        <path d={arc(MIN, 720, 80)} stroke="#fca5a5" strokeOpacity="0.35" strokeWidth="14" fill="none" />
        <path d={arc(720, MAX, 80)} stroke="#86efac" strokeOpacity="0.45" strokeWidth="14" fill="none" />
        <path d={arc(readiness.low, readiness.high, 80)} stroke="#1b5ff5" strokeOpacity="0.55" strokeWidth="14" fill="none" />
        <line x1={tx1} y1={ty1} x2={tx2} y2={ty2} stroke="var(--text)" strokeWidth="2" />
        <circle cx={px} cy={py} r="7" fill="#1b5ff5" stroke="white" strokeWidth="2" />
        <text x="100" y="92" textAnchor="middle" className="fill-[var(--text)] text-[26px] font-bold">
          {readiness.predictedScore}
        </text>
        <text x="100" y="108" textAnchor="middle" className="fill-[var(--text-muted)] text-[9px]">
          predicted of 1000 · 720 to pass
        </text>
      </svg>
      <figcaption className="text-center sm:text-left">
        <p className="text-3xl font-bold">{chance}%</p>
        <p className="text-sm text-[var(--text-muted)]">chance of passing today</p>
        <p className="mt-2 text-sm">
          80% likely between <strong>{readiness.low}</strong> and <strong>{readiness.high}</strong>, from {plural(readiness.answered, "answer")}.
        </p>
        {readiness.finalMocks > 0 && (
          <p className="mt-1 text-sm text-[var(--text-muted)]">
            Weighed against your {readiness.finalMocks === 1 ? "final mock" : `${readiness.finalMocks} final mocks`}: questions you had never seen, so they show what you can do, not what you remember.
          </p>
        )}
      </figcaption>
    </figure>
  );
}

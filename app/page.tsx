import { Logo } from "@/components/shell/logo";
import { ThemeToggle } from "@/components/shell/theme-toggle";
import { ButtonLink } from "@/components/ui/button";
import { currentUser } from "@/lib/auth/guard";
import { loadBlueprint } from "@/lib/content/blueprint";

const FEATURES = [
  {
    title: "Learn domain by domain",
    body: "Original lessons for all 13 task statements, with worked examples — capacity-unit arithmetic, key policies, AppSpec hooks — and the traps the exam sets.",
  },
  {
    title: "Mock exams graded like the real one",
    body: "65 questions balanced to the blueprint, 130 minutes on a server-owned clock, multiple response all-or-nothing, a scaled score against 720.",
  },
  {
    title: "Never lose an answer",
    body: "Every answer is saved the moment you choose it and kept in your browser until the server confirms — through reloads, dropped Wi-Fi and deadlines.",
  },
  {
    title: "Know what to study next",
    body: "Weak topics ranked by blueprint weight, missed questions scheduled for spaced review, and a readiness estimate that shows its uncertainty.",
  },
];

export default async function LandingPage() {
  const [user, blueprint] = await Promise.all([currentUser(), Promise.resolve(loadBlueprint())]);
  const { exam } = blueprint;
  return (
    <>
      <header className="mx-auto flex max-w-6xl items-center justify-between px-4 py-4">
        <Logo />
        <nav aria-label="Account" className="flex items-center gap-2">
          <ThemeToggle />
          {user ? (
            <ButtonLink href="/dashboard">Go to your dashboard</ButtonLink>
          ) : (
            <>
              <ButtonLink href="/sign-in" variant="ghost">
                Sign in
              </ButtonLink>
              <ButtonLink href="/sign-up">Create account</ButtonLink>
            </>
          )}
        </nav>
      </header>
      <main id="main" tabIndex={-1} className="focus:outline-none">
        <section className="mx-auto max-w-6xl px-4 pb-16 pt-10 sm:pt-20">
          <p className="text-sm font-semibold uppercase tracking-wide text-brand-700 dark:text-brand-300">
            {exam.title} · {exam.code}
          </p>
          <h1 className="mt-3 max-w-3xl text-4xl font-bold tracking-tight sm:text-5xl">
            Walk into the exam knowing you are ready.
          </h1>
          <p className="mt-5 max-w-2xl text-lg text-[var(--text-muted)]">
            Stratus teaches every DVA-C02 task statement, drills your weak topics, and sits you timed mock exams that are
            graded the way AWS grades — then tells you honestly how likely you are to pass.
          </p>
          <div className="mt-8 flex flex-wrap gap-3">
            <ButtonLink href={user ? "/dashboard" : "/sign-up"} size="lg">
              {user ? "Continue studying" : "Start studying free"}
            </ButtonLink>
            {!user && (
              <ButtonLink href="/sign-in" size="lg" variant="secondary">
                I have an account
              </ButtonLink>
            )}
          </div>
        </section>

        <section aria-labelledby="features-heading" className="border-y border-[var(--border)] bg-[var(--surface)]">
          <div className="mx-auto max-w-6xl px-4 py-14">
            <h2 id="features-heading" className="sr-only">
              What Stratus gives you
            </h2>
            <ul className="grid gap-6 sm:grid-cols-2">
              {FEATURES.map((f) => (
                <li key={f.title} className="rounded-xl border border-[var(--border)] p-5">
                  <h3 className="font-semibold">{f.title}</h3>
                  <p className="mt-2 text-sm text-[var(--text-muted)]">{f.body}</p>
                </li>
              ))}
            </ul>
          </div>
        </section>

        <section aria-labelledby="exam-heading" className="mx-auto max-w-6xl px-4 py-14">
          <h2 id="exam-heading" className="text-2xl font-bold">
            The exam at a glance
          </h2>
          <dl className="mt-6 grid grid-cols-2 gap-4 sm:grid-cols-4">
            {[
              ["Questions", String(exam.questionCount)],
              ["Minutes", String(exam.minutes)],
              ["Scaled score", `${exam.scaledScore.min}–${exam.scaledScore.max}`],
              ["To pass", String(exam.scaledScore.passing)],
            ].map(([label, value]) => (
              <div key={label} className="rounded-xl border border-[var(--border)] bg-[var(--surface)] p-4">
                <dt className="text-sm text-[var(--text-muted)]">{label}</dt>
                <dd className="mt-1 text-2xl font-bold">{value}</dd>
              </div>
            ))}
          </dl>
          <h3 className="mt-10 font-semibold">Domains and their weight</h3>
          <ul className="mt-4 space-y-3">
            {blueprint.domains.map((d) => (
              <li key={d.number}>
                <div className="flex justify-between text-sm">
                  <span>
                    {d.number}. {d.title}
                  </span>
                  <span className="font-semibold">{d.weight}%</span>
                </div>
                <div
                  className="mt-1 h-2 rounded-full bg-[var(--surface)] ring-1 ring-[var(--border)]"
                  role="img"
                  aria-label={`${d.title}: ${d.weight} percent of the exam`}
                >
                  <div className="h-2 rounded-full bg-brand-500" style={{ width: `${(d.weight / 32) * 100}%` }} />
                </div>
              </li>
            ))}
          </ul>
        </section>
      </main>
      <footer className="border-t border-[var(--border)] py-8 text-center text-sm text-[var(--text-muted)]">
        Stratus is an independent study platform, not affiliated with Amazon Web Services.
      </footer>
    </>
  );
}

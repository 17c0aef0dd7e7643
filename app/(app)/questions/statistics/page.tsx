import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { orNotFound } from "@/lib/exams/page-errors";
import { BANK_STATS_PAGE_SIZE, type BankStatsParams, type BankStatsSort, bankItemStatsForStaff } from "@/lib/insights/bank-item-stats";
import { MIN_QUESTIONS_FOR_TOTAL, type QuestionStatFlag } from "@/lib/insights/question-stat";
import { MIN_ANSWERS_FOR_FIT } from "@/lib/insights/rasch";
import { difficultyLogit } from "@/lib/learning/mastery";

export const metadata: Metadata = { title: "Question statistics" };

const FLAG_TEXT: Record<QuestionStatFlag, string> = {
  NEGATIVE_DISCRIMINATION: "negative discrimination: check the key",
  LOW_DISCRIMINATION: "low discrimination",
  UNUSED_DISTRACTOR: "a distractor nobody picks",
};

const fixed = (x: number | null, digits = 2) => (x === null ? "—" : x.toFixed(digits));
const signed = (x: number) => (x > 0 ? `+${x.toFixed(2)}` : x.toFixed(2));

function hrefWith(params: BankStatsParams, change: Partial<BankStatsParams>): string {
  const next = { ...params, ...change };
  const query = new URLSearchParams();
  if (next.sort !== "discrimination") query.set("sort", next.sort);
  if (next.dir !== "asc") query.set("dir", next.dir);
  if (next.domain) query.set("domain", String(next.domain));
  if (next.flag) query.set("flag", next.flag);
  if (next.page > 1) query.set("page", String(next.page));
  const text = query.toString();
  return `/questions/statistics${text ? `?${text}` : ""}`;
}

function SortHeader({ params, sort, label, className }: { params: BankStatsParams; sort: BankStatsSort; label: string; className?: string }) {
  const active = params.sort === sort;
  const nextDir = active && params.dir === "asc" ? "desc" : "asc";
  return (
    <th scope="col" aria-sort={active ? (params.dir === "asc" ? "ascending" : "descending") : undefined} className={className ?? "py-2 pr-3 font-medium"}>
      <Link href={hrefWith(params, { sort, dir: nextDir, page: 1 })} className="underline-offset-2 hover:underline">
        {label}
        <span aria-hidden>{active ? (params.dir === "asc" ? " ▲" : " ▼") : ""}</span>
        <span className="sr-only">{active ? `, sorted ${params.dir === "asc" ? "ascending" : "descending"}; ` : ", "}sort {nextDir === "asc" ? "ascending" : "descending"}</span>
      </Link>
    </th>
  );
}

export default async function QuestionStatisticsPage({ searchParams }: PageProps<"/questions/statistics">) {
  const user = await requireUser("/questions/statistics");
  // Staff only; to anyone else the page does not exist.
  const data = await orNotFound(bankItemStatsForStaff(db, user, await searchParams));
  const { params } = data;
  const first = (params.page - 1) * BANK_STATS_PAGE_SIZE + 1;
  return (
    <>
      <PageHeader
        title="Question statistics"
        description={
          data.refreshedAt
            ? `Every graded mock, final mock and assignment answer, refreshed in the background (last ${data.refreshedAt.toISOString().slice(0, 16).replace("T", " ")} UTC).`
            : "No statistics yet: they appear once graded mocks or assignments have been processed."
        }
        actions={
          <a href="/api/questions/statistics" download className={buttonClasses("secondary")}>
            Download CSV
          </a>
        }
      />

      <Card aria-labelledby="filter-heading">
        <h2 id="filter-heading" className="sr-only">
          Filter
        </h2>
        {/* Keyed by the filters, so the selects show the URL's values after a client-side navigation. */}
        <form key={`${params.domain ?? ""}-${params.flag ?? ""}`} method="get" action="/questions/statistics" className="flex flex-wrap items-end gap-3">
          {params.sort !== "discrimination" && <input type="hidden" name="sort" value={params.sort} />}
          {params.dir !== "asc" && <input type="hidden" name="dir" value={params.dir} />}
          <div className="w-full min-w-0 sm:w-auto">
            <label htmlFor="domain" className="block text-sm font-medium">
              Domain
            </label>
            <select id="domain" name="domain" defaultValue={params.domain ?? ""} className="mt-1 w-full max-w-full rounded-lg border border-[var(--border)] bg-[var(--surface)] px-3 py-2 text-sm sm:w-auto">
              <option value="">All domains</option>
              {data.domains.map((d) => (
                <option key={d.number} value={d.number}>
                  {d.number}. {d.title}
                </option>
              ))}
            </select>
          </div>
          <div className="w-full min-w-0 sm:w-auto">
            <label htmlFor="flag" className="block text-sm font-medium">
              Flag
            </label>
            <select id="flag" name="flag" defaultValue={params.flag ?? ""} className="mt-1 w-full max-w-full rounded-lg border border-[var(--border)] bg-[var(--surface)] px-3 py-2 text-sm sm:w-auto">
              <option value="">Any</option>
              {Object.entries(FLAG_TEXT).map(([flag, text]) => (
                <option key={flag} value={flag}>
                  {text}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className={buttonClasses("primary")}>
            Show
          </button>
          {(params.domain || params.flag) && (
            <Link href={hrefWith(params, { domain: undefined, flag: undefined, page: 1 })} className="py-2 text-sm text-brand-700 underline dark:text-brand-300">
              Clear filters
            </Link>
          )}
        </form>
      </Card>

      <Card className="mt-6" aria-labelledby="table-heading">
        <h2 id="table-heading" className="text-lg font-semibold">
          Questions
        </h2>
        <p className="mt-1 text-sm text-[var(--text-muted)]">
          Facility: share of answers right. Discrimination: the answer against the rest of its attempt (attempts of {MIN_QUESTIONS_FOR_TOTAL}+ questions). Fitted
          difficulty (logits, ± standard error) replaces the authored one in the learning model from {MIN_ANSWERS_FOR_FIT} answers. Formulas: docs/item-analysis.md.
        </p>
        {data.rows.length === 0 ? (
          <p className="mt-4 text-sm text-[var(--text-muted)]">{params.domain || params.flag ? "No questions match these filters." : "No questions in the bank."}</p>
        ) : (
          // relative: the headers' sr-only text is positioned inside the scroller, not against the page (it widened a phone's page).
          <div className="relative mt-3 overflow-x-auto">
            <table className="w-full min-w-[52rem] text-left text-sm">
              <caption className="sr-only">
                Questions {first} to {first + data.rows.length - 1} of {data.total}, sorted by {params.sort} {params.dir === "asc" ? "ascending" : "descending"}
              </caption>
              <thead>
                <tr className="text-[var(--text-muted)]">
                  <SortHeader params={params} sort="question" label="Question" className="w-[40%] py-2 pr-3 font-medium" />
                  <SortHeader params={params} sort="taskStatement" label="Task" />
                  <SortHeader params={params} sort="answers" label="Answers" className="py-2 pr-3 text-right font-medium" />
                  <SortHeader params={params} sort="facility" label="Facility" className="py-2 pr-3 text-right font-medium" />
                  <SortHeader params={params} sort="discrimination" label="Discrim." className="py-2 pr-3 text-right font-medium" />
                  <SortHeader params={params} sort="authored" label="Authored" className="py-2 pr-3 text-right font-medium" />
                  <SortHeader params={params} sort="fitted" label="Fitted" className="py-2 pr-3 text-right font-medium" />
                  <th scope="col" className="py-2 font-medium">
                    Flags
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((r) => (
                  <tr key={r.questionId} className="border-t border-[var(--border)] align-top">
                    <td className="py-2 pr-3">
                      <span className="font-mono text-xs text-[var(--text-muted)]">{r.questionId}</span>
                      <p className="wrap-anywhere">
                        {r.stem.slice(0, 160)}
                        {r.stem.length > 160 && "…"}
                      </p>
                      {Object.keys(r.choiceCounts).length > 0 && r.answerCount > 0 && (
                        <p className="mt-0.5 text-xs text-[var(--text-muted)]">
                          Picks:{" "}
                          {Object.entries(r.choiceCounts)
                            .map(([k, n]) => `${k.toUpperCase()} ${n}`)
                            .join(" · ")}
                        </p>
                      )}
                    </td>
                    <td className="py-2 pr-3 tabular-nums">
                      {r.taskStatement}
                      <span className="sr-only"> (domain {r.domain})</span>
                    </td>
                    <td className="py-2 pr-3 text-right tabular-nums">
                      {r.answerCount}
                      <span className="block text-xs text-[var(--text-muted)]">{r.answeredByCount} students</span>
                    </td>
                    <td className="py-2 pr-3 text-right tabular-nums">{r.facility === null ? "—" : `${Math.round(r.facility * 100)}%`}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">{fixed(r.discrimination)}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">
                      {r.authoredDifficulty}
                      <span className="block text-xs text-[var(--text-muted)]">{signed(difficultyLogit(r.authoredDifficulty))}</span>
                    </td>
                    <td className="py-2 pr-3 text-right tabular-nums">
                      {r.fittedDifficulty === null ? (
                        <span className="text-[var(--text-muted)]" title={`Fitted from ${MIN_ANSWERS_FOR_FIT} answers`}>
                          —
                        </span>
                      ) : (
                        <>
                          {signed(r.fittedDifficulty)}
                          <span className="block text-xs text-[var(--text-muted)]">± {fixed(r.fittedDifficultySe)}{r.fitInUse ? " · in use" : ""}</span>
                        </>
                      )}
                    </td>
                    <td className="py-2">
                      {r.flags.length === 0 ? (
                        <span className="sr-only">none</span>
                      ) : (
                        <ul className="flex flex-col gap-1">
                          {r.flags.map((f) => (
                            <li key={f} className="rounded-full bg-amber-100 px-2 text-xs font-semibold text-amber-900 dark:bg-amber-950 dark:text-amber-100">
                              ⚑ {FLAG_TEXT[f]}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <nav aria-label="Pages" className="mt-4 flex flex-wrap items-center justify-between gap-2 text-sm">
          <span className="text-[var(--text-muted)]">
            {data.total === 0 ? "0 questions" : `${first}–${first + data.rows.length - 1} of ${data.total} questions`} · page {params.page} of {data.pages}
          </span>
          <span className="flex gap-2">
            {params.page > 1 && (
              <Link href={hrefWith(params, { page: params.page - 1 })} className={buttonClasses("secondary", "sm")}>
                Previous page
              </Link>
            )}
            {params.page < data.pages && (
              <Link href={hrefWith(params, { page: params.page + 1 })} className={buttonClasses("secondary", "sm")}>
                Next page
              </Link>
            )}
          </span>
        </nav>
      </Card>
    </>
  );
}

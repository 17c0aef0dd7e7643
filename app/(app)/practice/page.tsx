import type { Metadata } from "next";
import { AttemptHistory } from "@/components/exam/attempt-history";
import { WeakTopicExplanation, WeakTopicList } from "@/components/dashboard/weak-topic-list";
import { type ScopeOption, StartDrillForm, StartQuizForm } from "@/components/exam/start-forms";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/guard";
import { loadScopeCatalogue } from "@/lib/classes/scope-catalogue";
import { db } from "@/lib/db";
import { listAttempts } from "@/lib/exams/attempt-history";
import { loadWeakTopics } from "@/lib/learning/queries";

export const metadata: Metadata = { title: "Practice" };

export default async function PracticePage() {
  const user = await requireUser("/practice");
  const [domains, attempts, weak] = await Promise.all([
    loadScopeCatalogue(db),
    listAttempts(db, { userId: user.id, modes: ["QUIZ", "DRILL"], take: 20 }),
    loadWeakTopics(db, user.id),
  ]);
  const options: ScopeOption[] = [
    ...domains.map((d) => ({ value: `domain:${d.number}`, label: `Domain ${d.number}: ${d.title}`, group: "Whole domains" })),
    ...domains.flatMap((d) =>
      d.taskStatements.map((t) => ({ value: `taskStatement:${t.code}`, label: `${t.code} ${t.title}`, group: "Task statements" })),
    ),
    ...domains.flatMap((d) =>
      d.taskStatements.flatMap((t) =>
        t.topics.map((topic) => ({ value: `topic:${topic.id}`, label: `${t.code} · ${topic.title}`, group: `Topics in domain ${d.number}` })),
      ),
    ),
  ];
  return (
    <>
      <PageHeader
        title="Practice"
        description="Untimed quizzes with an explanation after every answer."
        actions={<ButtonLink href="/practice/review" variant="secondary">Review due cards</ButtonLink>}
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <h2 className="mb-4 text-lg font-semibold">Quiz by domain, task statement or topic</h2>
          <StartQuizForm options={options} />
        </Card>
        <Card>
          <h2 className="text-lg font-semibold">Your weakest topics</h2>
          <WeakTopicExplanation className="mt-1 mb-4" />
          <WeakTopicList topics={weak} />
          {weak.length > 0 && (
            <div className="mt-5">
              <StartDrillForm />
            </div>
          )}
        </Card>
      </div>
      <Card className="mt-6">
        <h2 className="mb-3 text-lg font-semibold">Recent practice</h2>
        <AttemptHistory attempts={attempts} emptyText="No quizzes yet. Start one above." />
      </Card>
    </>
  );
}

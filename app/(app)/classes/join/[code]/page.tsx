import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { JoinClassForm } from "@/components/classes/class-forms";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { currentUser, signInPath } from "@/lib/auth/guard";
import { classForCode } from "@/lib/classes/classes";
import { isJoinCode, normaliseJoinCode } from "@/lib/classes/join-code";
import { db } from "@/lib/db";
import { plural } from "@/lib/format/plural";

export const metadata: Metadata = { title: "Join a class" };

// The join link: a signed-in student confirms; a signed-out one signs in or
// creates an account and comes back here.
export default async function JoinLinkPage({ params }: PageProps<"/classes/join/[code]">) {
  const code = normaliseJoinCode((await params).code);
  const here = `/classes/join/${code}`;
  const user = await currentUser();
  const found = isJoinCode(code) ? await classForCode(db, code) : null;
  if (!found) {
    return (
      <div className="mx-auto max-w-lg">
        <EmptyState title="This join link does not work" action={<ButtonLink href={user ? "/classes" : "/sign-in"}>{user ? "Enter a code instead" : "Sign in"}</ButtonLink>}>
          The class may be archived, or its code was replaced. Ask your instructor for the current code or link.
        </EmptyState>
      </div>
    );
  }
  if (user) {
    const member = await db.enrollment.findUnique({ where: { classId_userId: { classId: found.id, userId: user.id } }, select: { userId: true } });
    if (member) redirect(`/classes/${found.id}`);
  }
  return (
    <div className="mx-auto max-w-lg">
      <Card aria-labelledby="join-heading">
        <h1 id="join-heading" className="text-2xl font-bold wrap-anywhere">
          Join {found.name}
        </h1>
        <p className="mt-1 text-sm text-[var(--text-muted)]">
          Taught by {found.instructor.name} · {plural(found._count.enrollments, "student")}
        </p>
        {found.description && <p className="mt-3 wrap-anywhere">{found.description}</p>}
        <p className="mt-3 text-sm text-[var(--text-muted)]">
          Your instructor will see your name, email, activity and the results of what they assign.
        </p>
        <div className="mt-5">
          {user ? (
            <JoinClassForm code={code} />
          ) : (
            <div className="flex flex-wrap gap-3">
              <ButtonLink href={signInPath(here)}>Sign in to join</ButtonLink>
              <ButtonLink href={`/sign-up?callbackUrl=${encodeURIComponent(here)}`} variant="secondary">
                Create an account
              </ButtonLink>
            </div>
          )}
        </div>
      </Card>
    </div>
  );
}

import type { Metadata } from "next";
import { RoleForm } from "@/components/admin/role-form";
import { InlineAction } from "@/components/classes/inline-action";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { setDisabledAction, startResetAction } from "@/lib/admin/actions";
import { auditEntries, findUsers } from "@/lib/admin/users";
import { requireRole } from "@/lib/auth/guard";
import { formatInZone } from "@/lib/classes/wall-time";
import { db } from "@/lib/db";
import { browserTimeZone } from "@/lib/learning/browser-time-zone";
import { loadStudySettings } from "@/lib/learning/study-settings";

export const metadata: Metadata = { title: "Admin" };

const ACTION_TEXT: Record<string, string> = {
  ROLE_CHANGED: "changed the role of",
  ACCOUNT_DISABLED: "disabled",
  ACCOUNT_ENABLED: "enabled",
  PASSWORD_RESET_STARTED: "sent a password reset to",
};

const describe = (value: unknown) => (value && typeof value === "object" ? Object.entries(value).map(([k, v]) => `${k}: ${v ?? "none"}`).join(", ") : "");

export default async function AdminPage({ searchParams }: PageProps<"/admin">) {
  const user = await requireRole(["ADMIN"], "/admin");
  const q = (await searchParams).q;
  const query = typeof q === "string" ? q.slice(0, 100) : "";
  const { timeZone } = await loadStudySettings(db, { userId: user.id, browser: await browserTimeZone() });
  const [users, log] = await Promise.all([findUsers(db, user, { query }), auditEntries(db, user)]);
  return (
    <>
      <PageHeader
        title="Admin"
        description="Accounts, roles and the audit log. Every class is under Classes."
        actions={<ButtonLink href="/classes" variant="secondary">Every class</ButtonLink>}
      />
      <Card aria-labelledby="users-heading">
        <h2 id="users-heading" className="text-lg font-semibold">
          Users
        </h2>
        <form method="get" action="/admin" role="search" className="mt-3 flex flex-wrap gap-2">
          <label htmlFor="user-search" className="sr-only">
            Search by name or email
          </label>
          <input
            id="user-search"
            name="q"
            type="search"
            defaultValue={query}
            placeholder="Name or email"
            className="min-w-0 flex-1 rounded-lg border border-[var(--border)] bg-[var(--surface)] px-3 py-2 text-base"
          />
          <button type="submit" className="rounded-lg border border-[var(--border)] px-4 py-2 text-sm font-medium">
            Search
          </button>
        </form>
        <p className="mt-2 text-sm text-[var(--text-muted)]">
          {users.length === 100 ? "The first 100 matches." : `${users.length} ${users.length === 1 ? "user" : "users"}.`}
        </p>
        <ul className="mt-2 divide-y divide-[var(--border)]">
          {users.map((u) => (
            <li key={u.id} className="flex flex-col gap-2 py-3 lg:flex-row lg:items-center lg:justify-between">
              <div className="min-w-0">
                <p className="font-medium wrap-anywhere">
                  {u.name}
                  {u.disabledAt && <span className="ml-2 rounded-full bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-900 dark:bg-red-950 dark:text-red-100">Disabled</span>}
                </p>
                <p className="text-sm text-[var(--text-muted)] wrap-anywhere">
                  {u.email} · joined {formatInZone(u.createdAt, timeZone, { zoneName: false })}
                  {u._count.classesTaught > 0 && ` · teaches ${u._count.classesTaught}`}
                  {u._count.enrollments > 0 && ` · in ${u._count.enrollments} ${u._count.enrollments === 1 ? "class" : "classes"}`}
                </p>
              </div>
              <div className="flex flex-wrap items-start gap-3">
                <RoleForm userId={u.id} name={u.name} role={u.role} />
                {u.id !== user.id && (
                  <InlineAction
                    action={setDisabledAction}
                    fields={{ userId: u.id, disabled: u.disabledAt ? "false" : "true" }}
                    label={u.disabledAt ? "Enable" : "Disable"}
                    pendingLabel="Saving…"
                    variant={u.disabledAt ? "secondary" : "danger"}
                    confirm={u.disabledAt ? undefined : `Disable ${u.name}? Their sessions end at once.`}
                  />
                )}
                {!u.disabledAt && <InlineAction action={startResetAction} fields={{ userId: u.id }} label="Send a reset link" pendingLabel="Sending…" />}
              </div>
            </li>
          ))}
        </ul>
      </Card>
      <Card className="mt-6" aria-labelledby="audit-heading">
        <h2 id="audit-heading" className="text-lg font-semibold">
          Audit log
        </h2>
        {log.length === 0 ? (
          <p className="mt-2 text-sm text-[var(--text-muted)]">No admin actions yet.</p>
        ) : (
          <ol className="mt-2 divide-y divide-[var(--border)] text-sm">
            {log.map((e) => (
              <li key={e.id} className="py-2 wrap-anywhere">
                <time dateTime={e.createdAt.toISOString()} className="text-[var(--text-muted)]">
                  {formatInZone(e.createdAt, timeZone, { zoneName: false })}
                </time>{" "}
                <span className="font-medium">{e.actorEmail}</span> {ACTION_TEXT[e.action] ?? e.action} <span className="font-medium">{e.targetEmail}</span>
                {(e.before || e.after) && (
                  <span className="text-[var(--text-muted)]">
                    {" "}
                    ({describe(e.before)} → {describe(e.after)})
                  </span>
                )}
              </li>
            ))}
          </ol>
        )}
      </Card>
    </>
  );
}

import { Link } from "@/components/ui/link";
import type { SessionUser } from "@/lib/auth/guard";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { Logo } from "./logo";
import { SignOutButton } from "./sign-out-button";
import { type NavItem, NavLinks } from "./nav-links";
import { ThemeToggle } from "./theme-toggle";

const STUDENT_NAV: NavItem[] = [
  { href: "/dashboard", label: "Dashboard" },
  { href: "/learn", label: "Learn" },
  { href: "/practice", label: "Practice" },
  { href: "/exams", label: "Exams" },
];

/** Everyone has classes: staff run them (first in their menu), students join them. */
export function navFor(role: SessionUser["role"]): NavItem[] {
  const classes: NavItem = { href: "/classes", label: "Classes" };
  const questions: NavItem = { href: "/questions/statistics", label: "Questions" };
  const reports: NavItem = { href: "/questions/reports", label: "Question reports" };
  if (role === "ADMIN") return [STUDENT_NAV[0]!, classes, questions, ...STUDENT_NAV.slice(1), reports, { href: "/admin", label: "Admin" }];
  return STAFF_ROLES.includes(role) ? [STUDENT_NAV[0]!, classes, questions, ...STUDENT_NAV.slice(1), reports] : [...STUDENT_NAV, classes];
}

export function AppHeader({ user }: { user: SessionUser }) {
  return (
    <header className="sticky top-0 z-30 border-b border-[var(--border)] bg-[var(--surface)]/95 backdrop-blur">
      <div className="relative mx-auto flex h-16 max-w-6xl items-center gap-4 px-4">
        <Logo href="/dashboard" />
        <div className="flex-1">
          <NavLinks items={navFor(user.role)} mobileExtras={[{ href: "/profile", label: `Profile (${user.name})` }]} />
        </div>
        <ThemeToggle />
        <Link
          href="/profile"
          className="hidden rounded-lg px-3 py-2 text-sm text-[var(--text-muted)] hover:bg-[var(--surface-muted)] hover:text-[var(--text)] sm:block"
        >
          <span className="inline-block max-w-48 truncate align-bottom font-medium text-[var(--text)]">{user.name}</span>
          {user.role !== "STUDENT" && (
            <span className="ml-2 rounded bg-brand-100 px-1.5 py-0.5 text-xs font-semibold text-brand-800 dark:bg-brand-900 dark:text-brand-100">
              {user.role.toLowerCase()}
            </span>
          )}
        </Link>
        <SignOutButton />
      </div>
    </header>
  );
}

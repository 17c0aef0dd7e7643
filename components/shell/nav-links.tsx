"use client";
import { Link } from "@/components/ui/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { cn } from "@/components/ui/cn";

export type NavItem = { href: string; label: string };

function isActive(pathname: string, href: string) {
  return pathname === href || pathname.startsWith(`${href}/`);
}

/** Primary navigation: a row on wide screens, a disclosure menu on phones. */
export function NavLinks({ items, mobileExtras = [] }: { items: NavItem[]; mobileExtras?: NavItem[] }) {
  const pathname = usePathname();
  // The menu remembers the path it was opened on, so navigating closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const setOpen = (next: boolean) => setOpenOn(next ? pathname : null);

  const link = (item: NavItem, mobile: boolean) => (
    <Link
      key={item.href}
      href={item.href}
      aria-current={isActive(pathname, item.href) ? "page" : undefined}
      className={cn(
        "rounded-lg px-3 py-2 text-sm font-medium",
        mobile && "block text-base wrap-anywhere",
        isActive(pathname, item.href)
          ? "bg-brand-50 text-brand-700 dark:bg-brand-950 dark:text-brand-200"
          : "text-[var(--text-muted)] hover:bg-[var(--surface-muted)] hover:text-[var(--text)]",
      )}
    >
      {item.label}
    </Link>
  );

  return (
    <>
      <nav aria-label="Main" className="hidden items-center gap-1 md:flex">
        {items.map((item) => link(item, false))}
      </nav>
      <div className="md:hidden">
        <button
          type="button"
          aria-expanded={open}
          aria-controls="mobile-nav"
          onClick={() => setOpen(!open)}
          className="rounded-lg p-2 hover:bg-[var(--surface-muted)]"
        >
          <span className="sr-only">{open ? "Close menu" : "Open menu"}</span>
          <svg aria-hidden width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
            {open ? <path d="M6 6l12 12M18 6L6 18" /> : <path d="M4 7h16M4 12h16M4 17h16" />}
          </svg>
        </button>
        {open && (
          <nav
            id="mobile-nav"
            aria-label="Main"
            className="absolute inset-x-0 top-16 z-40 space-y-1 border-b border-[var(--border)] bg-[var(--surface)] px-4 py-3 shadow-lg"
          >
            {[...items, ...mobileExtras].map((item) => link(item, true))}
          </nav>
        )}
      </div>
    </>
  );
}

import { Link } from "@/components/ui/link";

function Mark() {
  return (
    <>
      <svg aria-hidden width="28" height="28" viewBox="0 0 32 32">
        <rect width="32" height="32" rx="8" className="fill-brand-600" />
        <path d="M8 20c0-3 2.4-5 5-5 .8-2.6 3-4 5.6-4 3.3 0 5.4 2.5 5.4 5.4 1.9.3 3 1.8 3 3.6 0 2.1-1.6 3.5-3.6 3.5H11.5C9.6 23.5 8 22 8 20z" fill="white" />
      </svg>
      <span>Stratus</span>
    </>
  );
}

/** The brand mark; `href={null}` shows it without a link (the exam runner's focused layout). */
export function Logo({ href = "/" }: { href?: string | null }) {
  const className = "flex items-center gap-2 text-lg font-bold tracking-tight";
  if (href === null) return <span className={className}><Mark /></span>;
  return (
    <Link href={href} className={className}>
      <Mark />
    </Link>
  );
}

// Tells the student when the new-cards-per-day limit moved cards to later days,
// and where to change the limit.
import { Link } from "@/components/ui/link";

/** "12 more new cards are scheduled for tomorrow…", with where to change the limit. */
export function NewCardNotice({ notice }: { notice: string }) {
  return (
    <p className="mt-3 rounded-lg border border-brand-200 bg-brand-50 px-3 py-2 text-sm text-brand-900 dark:border-brand-800 dark:bg-brand-950 dark:text-brand-100">
      {notice}{" "}
      <Link href="/profile#study-settings" className="font-medium underline">
        Change your daily limit
      </Link>
    </p>
  );
}

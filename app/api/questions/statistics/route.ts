// GET: the bank-wide item statistics as CSV, streamed, for instructors and
// admins (a student gets a 404, as for a page that does not exist).
import { db } from "@/lib/db";
import { defineRoute } from "@/lib/http/define-route";
import { ITEM_STATS_HEADER, assertStaff, itemStatBatches } from "@/lib/insights/bank-item-stats";
import { csvHeaders, csvStream } from "@/lib/insights/csv";

export const dynamic = "force-dynamic";

export const GET = defineRoute({ session: "user" }, async ({ user }) => {
  assertStaff(user);
  return new Response(csvStream(ITEM_STATS_HEADER, itemStatBatches(db)), { headers: csvHeaders("question-statistics") });
});

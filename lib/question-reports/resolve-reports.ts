// Staff resolving reports of a question: one, or every open one at once, as
// fixed in the content, rejected or a duplicate, with a note the reporter reads.
import "server-only";
import { AppError } from "@/lib/app-error";
import type { Db } from "@/lib/db";
import type { Resolution } from "./reasons";
import { type Caller, requireStaff } from "./staff";

/** How many reports were resolved (at least one, or NOT_FOUND). */
export async function resolveReports(
  db: Db,
  caller: Caller,
  options: { questionId: string; reportId?: string; resolution: Resolution; note: string; now: Date },
): Promise<number> {
  requireStaff(caller);
  const { questionId, reportId, resolution, note, now } = options;
  const { count } = await db.questionReport.updateMany({
    where: { questionId, status: "OPEN", ...(reportId ? { id: reportId } : {}) },
    data: { status: resolution, open: null, resolutionNote: note, resolvedById: caller.id, resolvedAt: now, updatedAt: now },
  });
  if (count === 0) throw new AppError("NOT_FOUND", "There is no open report of that question to resolve: someone may have resolved it already.");
  return count;
}

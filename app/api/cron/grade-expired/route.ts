// POST /api/cron/grade-expired — the sweep that grades attempts whose time ran
// out while nobody was looking. Call it every minute from a scheduler with
// `Authorization: Bearer $CRON_SECRET` (or run `npm run sweep`).
import { timingSafeEqual } from "node:crypto";
import { db } from "@/lib/db";
import { gradeOverdueAttempts } from "@/lib/exams/attempts";
import { apiError, apiOk } from "@/lib/exams/http";
import { examSettings } from "@/lib/exams/settings";

export const dynamic = "force-dynamic";

function authorised(request: Request): boolean {
  const secret = process.env.CRON_SECRET;
  const given = request.headers.get("authorization")?.replace(/^Bearer\s+/i, "") ?? "";
  if (!secret || secret.length < 16) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function POST(request: Request) {
  if (!authorised(request)) return apiError(401, "UNAUTHENTICATED", "A valid CRON_SECRET bearer token is required.");
  const graded = await gradeOverdueAttempts(db, { now: new Date(), settings: examSettings() });
  return apiOk({ graded });
}

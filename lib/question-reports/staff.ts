// Who works the question-report queue: instructors and admins (roles.ts).
import { AppError } from "@/lib/app-error";
import type { SessionUser } from "@/lib/auth/guard";
import { isStaff } from "@/lib/auth/roles";

export type Caller = Pick<SessionUser, "id" | "role">;

export function requireStaff(caller: Caller): void {
  if (!isStaff(caller.role)) throw new AppError("FORBIDDEN", "Only instructors and admins work the question reports.");
}

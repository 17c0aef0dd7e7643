"use server";
// Starting an attempt (mock, quiz or drill) from a form. Saving, checking and
// submitting are route handlers (app/api/attempts/…), whose addresses survive
// a redeploy in the middle of an exam.
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/auth/define-action";
import { db } from "@/lib/db";
import { startAttempt } from "./attempts";
import { startAttemptSchema } from "./modes";
import { examSettings } from "./settings";

export type StartState = { message?: string };

const start = defineAction({ input: startAttemptSchema }, async ({ user, input }) =>
  startAttempt(db, { userId: user.id, input, now: new Date(), settings: examSettings() }),
);

function inputFrom(formData: FormData): unknown {
  const mode = formData.get("mode");
  if (mode !== "QUIZ") return { mode, count: formData.get("count") ?? undefined };
  const scope = String(formData.get("scope") ?? "");
  const [kind, value] = scope.split(":");
  const scopeInput =
    kind === "domain" ? { kind, domain: value } : kind === "taskStatement" ? { kind, taskStatement: value } : { kind: "topic", topic: value };
  return { mode, scope: scopeInput, count: formData.get("count") ?? undefined };
}

export async function startAttemptAction(_prev: StartState, formData: FormData): Promise<StartState> {
  const result = await start(inputFrom(formData));
  if (!result.ok) {
    return { message: result.code === "INVALID" && result.fieldErrors ? "Choose what to practise and how many questions." : result.message };
  }
  redirect(`/attempts/${result.data.attemptId}`);
}

// "Check yourself" with items of any kind: answered with the exam's controls,
// sent in the page's tokens with the version shown, and the verdict names the
// right choice by the letter the student sees.
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, expect, test, vi } from "vitest";
import type { LessonCheckQuestion } from "@/lib/lessons/lesson-page";

// "Report a problem" (components/question/report-question.tsx) calls a server action; its own test is report-question.test.tsx.
vi.mock("@/lib/question-reports/actions", () => ({ reportQuestionAction: async () => ({}) }));

const check = vi.fn();
vi.mock("@/lib/lessons/actions", () => ({ checkLessonAnswerAction: (input: unknown) => check(input) }));

const { LessonCheck } = await import("@/components/lessons/lesson-check");

afterEach(() => {
  cleanup();
  check.mockReset();
});

const ordering: LessonCheckQuestion = {
  questionId: "p-kms-envelope-encryption-001",
  version: 2,
  stem: "Put the envelope encryption steps in order.",
  display: { kind: "ordering", steps: [{ key: "a", text: "Encrypt locally" }, { key: "b", text: "GenerateDataKey" }] },
  shape: { kind: "ordering", keys: ["a", "b"] },
};
const single: LessonCheckQuestion = {
  questionId: "q-kms-envelope-encryption-001",
  version: 1,
  stem: "Which call returns a data key?",
  // Shuffled: the student sees c first, as A.
  display: { kind: "single", chooseCount: 1, choices: [{ key: "c", text: "Encrypt" }, { key: "a", text: "GenerateDataKey" }, { key: "b", text: "Decrypt" }] },
  shape: { kind: "single", keys: ["c", "a", "b"], chooseCount: 1 },
};

const reveal = (correct: boolean, correctResponse: string[], explanation = "") => ({
  ok: true,
  data: { questionId: "x", reveal: { correct, correctResponse, choiceExplanations: [], explanation, lessonId: "kms-envelope-encryption", references: [] } },
});

test("an ordering item is sent as moved, and its explanation shown; a single-answer verdict names the letter shown", async () => {
  const user = userEvent.setup();
  render(<LessonCheck lessonId="kms-envelope-encryption" questions={[ordering, single]} />);
  expect(screen.getByText("2 questions on this lesson. Check each answer to see why it is right or wrong.", { exact: false })).toBeTruthy();
  const first = screen.getByRole("form", { name: /question 1 of 2/i });
  // Nothing placed yet: checking asks for an answer.
  await user.click(within(first).getByRole("button", { name: "Check answer" }));
  expect(within(first).getByRole("alert").textContent).toBe("Answer the question first.");
  expect(check).not.toHaveBeenCalled();

  check.mockResolvedValueOnce(reveal(true, ["b", "a"], "Generate the key, then encrypt with it."));
  await user.click(within(first).getByRole("button", { name: "Move “GenerateDataKey” up" }));
  // A move inside the form is not a submission.
  expect(check).not.toHaveBeenCalled();
  expect(within(first).queryByRole("alert")).toBeNull();
  await user.click(within(first).getByRole("button", { name: "Check answer" }));
  expect(check).toHaveBeenCalledWith({ lessonId: "kms-envelope-encryption", questionId: ordering.questionId, version: 2, response: ["b", "a"] });
  expect((await within(first).findByRole("status")).textContent).toBe("Correct.");
  expect(within(first).getByText("Generate the key, then encrypt with it.")).toBeTruthy();

  const second = screen.getByRole("form", { name: /question 2 of 2/i });
  check.mockResolvedValueOnce(reveal(false, ["a"]));
  await user.click(within(second).getByRole("radio", { name: /Decrypt/ }));
  await user.click(within(second).getByRole("button", { name: "Check answer" }));
  expect(check).toHaveBeenLastCalledWith(expect.objectContaining({ questionId: single.questionId, version: 1, response: ["b"] }));
  // Key "a" is shown second, as B.
  expect((await within(second).findByRole("status")).textContent).toBe("Incorrect. The correct answer is B.");
  expect(await screen.findByText("You answered 1 of 2 correctly.")).toBeTruthy();
}, 20_000);

test("a refusal is shown next to the question and it can be checked again", async () => {
  check.mockResolvedValueOnce({ ok: false, code: "CONFLICT", message: "This question was updated since the page loaded. Reload the page to answer the new version." });
  const user = userEvent.setup();
  render(<LessonCheck lessonId="kms-envelope-encryption" questions={[single]} />);
  expect(screen.getByText(/^A question on this lesson/)).toBeTruthy();
  await user.click(screen.getByRole("radio", { name: /GenerateDataKey/ }));
  await user.click(screen.getByRole("button", { name: "Check answer" }));
  expect((await screen.findByRole("alert")).textContent).toContain("This question was updated");
  expect(await screen.findByRole("button", { name: "Check answer" })).toBeTruthy();
});

test("“Report a problem” and the student's past reports with the staff note appear only once the answer is shown", async () => {
  const user = userEvent.setup();
  const notes = { [single.questionId]: [{ reason: "WRONG_KEY" as const, status: "REJECTED" as const, resolutionNote: "GenerateDataKey is right." }] };
  render(<LessonCheck lessonId="kms-envelope-encryption" questions={[single]} reportNotes={notes} />);
  expect(screen.queryByRole("button", { name: /Report a problem/ })).toBeNull();
  expect(screen.queryByText(/GenerateDataKey is right/)).toBeNull();
  check.mockResolvedValueOnce(reveal(true, ["a"]));
  await user.click(screen.getByRole("radio", { name: /GenerateDataKey/ }));
  await user.click(screen.getByRole("button", { name: "Check answer" }));
  expect(await screen.findByRole("button", { name: /Report a problem/ })).toBeTruthy();
  expect(screen.getByText(/Staff note: “GenerateDataKey is right\.”/)).toBeTruthy();
});

// A review card of any item kind: answered with the exam's controls, sent in
// the card's tokens with the showing it answers (due, version), and its answer
// says when it comes back, in correct English.
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, test, vi } from "vitest";
import type { Reveal } from "@/lib/exams/attempt-items";
import type { ReviewQuestion } from "@/lib/learning/review-queue";

// "Report a problem" (components/question/report-question.tsx) calls a server action; its own test is report-question.test.tsx.
vi.mock("@/lib/question-reports/actions", () => ({ reportQuestionAction: async () => ({}) }));

const answer = vi.fn();
vi.mock("@/lib/learning/actions", () => ({ answerReviewAction: (input: unknown) => answer(input) }));
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: () => {} }) }));

const { ReviewSession } = await import("@/components/review/review-session");

afterEach(() => {
  cleanup();
  answer.mockReset();
});

const DUE = "2026-04-10T09:00:00.000Z";
const base = { version: 3, due: DUE, lapses: 1 };

const single: ReviewQuestion = {
  ...base,
  questionId: "q-kms-001",
  stem: "Which key policy statement lets arn:aws:iam::123456789012:role/service-role/OrderProcessingLambdaExecutionRoleWithAVeryLongName decrypt?",
  display: { kind: "single", chooseCount: 1, choices: [{ key: "b", text: "kms:Encrypt for the role" }, { key: "a", text: "kms:Decrypt for the role" }] },
  shape: { kind: "single", keys: ["b", "a"], chooseCount: 1 },
};

function reveal(overrides: Partial<Reveal>): Reveal {
  return { correct: true, correctResponse: [], choiceExplanations: [], explanation: "", lessonId: "kms-envelope-encryption", references: [], ...overrides };
}

const answered = (r: Reveal, inMs = 600_000) => ({ ok: true, data: { reveal: r, nextDue: new Date(Date.now() + inMs).toISOString() } });

test.each([
  { inMs: 60_000, says: "This card comes back in 1 minute." },
  { inMs: 10 * 60_000, says: "This card comes back in 10 minutes." },
  { inMs: 3_600_000, says: "This card comes back in 1 hour." },
  { inMs: 86_400_000 * 3, says: "This card comes back in 3 days." },
])("due again in $inMs ms: “$says”", async ({ inMs, says }) => {
  answer.mockResolvedValue(answered(reveal({ correctResponse: ["a"] }), inMs));
  const user = userEvent.setup();
  render(<ReviewSession question={single} remaining={1} />);
  expect(screen.getByText("missed 1 time before")).toBeTruthy();
  await user.click(screen.getByRole("radio", { name: /kms:Decrypt/ }));
  await user.click(screen.getByRole("button", { name: "Check answer" }));
  expect((await screen.findByText(/This card comes back/)).textContent).toContain(says);
});

describe("every item kind is answered and sent in the card's tokens", () => {
  test("single: the chosen choice's key; the reveal explains every choice", async () => {
    answer.mockResolvedValue(
      answered(
        reveal({
          correctResponse: ["a"],
          choiceExplanations: [
            { key: "a", correct: true, explanation: "Decrypt is what reading needs." },
            { key: "b", correct: false, explanation: "Encrypt does not let the role read." },
          ],
        }),
      ),
    );
    const user = userEvent.setup();
    render(<ReviewSession question={single} remaining={2} />);
    await user.click(screen.getByRole("radio", { name: /kms:Decrypt/ }));
    await user.click(screen.getByRole("button", { name: "Check answer" }));
    expect(answer).toHaveBeenCalledWith(expect.objectContaining({ questionId: "q-kms-001", due: DUE, version: 3, response: ["a"], unsure: false }));
    expect(await screen.findByText("Encrypt does not let the role read.")).toBeTruthy();
    expect(screen.getByText(/✓ Correct\./)).toBeTruthy();
  });

  test("multiple: both choices, and a third is refused with a notice", async () => {
    answer.mockResolvedValue(answered(reveal({ correct: false, correctResponse: ["a", "c"] })));
    const user = userEvent.setup();
    const question: ReviewQuestion = {
      ...base,
      questionId: "q-kms-002",
      stem: "Which two?",
      display: { kind: "multiple", chooseCount: 2, choices: ["a", "b", "c", "d", "e"].map((key) => ({ key, text: `Option ${key}` })) },
      shape: { kind: "multiple", keys: ["a", "b", "c", "d", "e"], chooseCount: 2 },
    };
    render(<ReviewSession question={question} remaining={1} />);
    expect(screen.getByText("Choose 2.")).toBeTruthy();
    await user.click(screen.getByRole("checkbox", { name: /Option a/ }));
    // Half an answer is not sent.
    await user.click(screen.getByRole("button", { name: "Check answer" }));
    expect(answer).not.toHaveBeenCalled();
    expect(screen.getByRole("alert").textContent).toBe("Finish your answer first: 1 of 2 chosen.");
    await user.click(screen.getByRole("checkbox", { name: /Option d/ }));
    await user.click(screen.getByRole("checkbox", { name: /Option e/ }));
    expect(screen.getByText(/You have chosen 2 of 2/)).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Check answer" }));
    expect(answer).toHaveBeenCalledWith(expect.objectContaining({ response: ["a", "d"] }));
    expect(await screen.findByText(/✗ Not quite\./)).toBeTruthy();
  });

  test("ordering: the steps as moved, in position tokens; the reveal marks where each belongs", async () => {
    answer.mockResolvedValue(answered(reveal({ correct: false, correctResponse: ["b", "c", "a"], explanation: "Generate, encrypt, discard." })));
    const user = userEvent.setup();
    const question: ReviewQuestion = {
      ...base,
      questionId: "p-kms-envelope-encryption-001",
      stem: "Put these steps in order.",
      display: { kind: "ordering", steps: [{ key: "a", text: "Discard the plaintext key" }, { key: "b", text: "GenerateDataKey" }, { key: "c", text: "Encrypt locally" }] },
      shape: { kind: "ordering", keys: ["a", "b", "c"] },
    };
    render(<ReviewSession question={question} remaining={1} />);
    expect(screen.getByText("Put the steps in order.")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Move “GenerateDataKey” up" }));
    await user.click(screen.getByRole("button", { name: "Check answer" }));
    expect(answer).toHaveBeenCalledWith(expect.objectContaining({ questionId: "p-kms-envelope-encryption-001", response: ["b", "a", "c"] }));
    expect(await screen.findByText("Generate, encrypt, discard.")).toBeTruthy();
    expect(screen.getByText("✗ belongs at 3")).toBeTruthy();
    // The answer is final once checked.
    expect(screen.queryByRole("button", { name: /Move/ })).toBeNull();
  });

  test("matching: one prompt:answer token per prompt", async () => {
    answer.mockResolvedValue(answered(reveal({ correctResponse: ["a:b", "b:a"], explanation: "SNS pushes; SQS is polled." })));
    const user = userEvent.setup();
    const question: ReviewQuestion = {
      ...base,
      questionId: "p-sns-eventbridge-001",
      stem: "Match each service to how consumers get messages.",
      display: {
        kind: "matching",
        prompts: [{ key: "a", text: "Amazon SQS" }, { key: "b", text: "Amazon SNS" }],
        answers: [{ key: "a", text: "Pushed to subscribers" }, { key: "b", text: "Polled by consumers" }],
      },
      shape: { kind: "matching", prompts: ["a", "b"], answers: ["a", "b"] },
    };
    render(<ReviewSession question={question} remaining={1} />);
    await user.selectOptions(screen.getByLabelText("Amazon SQS"), "Polled by consumers");
    expect(screen.getByText("(1 of 2 matched)")).toBeTruthy();
    await user.selectOptions(screen.getByLabelText("Amazon SNS"), "Pushed to subscribers");
    await user.click(screen.getByRole("button", { name: "Check answer" }));
    expect(answer).toHaveBeenCalledWith(expect.objectContaining({ response: ["a:b", "b:a"] }));
    expect(await screen.findByText("SNS pushes; SQS is polled.")).toBeTruthy();
  });

  test("numeric: the number typed; the reveal gives the right one", async () => {
    answer.mockResolvedValue(answered(reveal({ correct: false, correctResponse: ["13"], explanation: "50,000 / 4,096 rounds up to 13." })));
    const user = userEvent.setup();
    const question: ReviewQuestion = {
      ...base,
      questionId: "p-kms-envelope-encryption-002",
      stem: "How many Encrypt calls?",
      display: { kind: "numeric", unit: "calls" },
      shape: { kind: "numeric" },
    };
    render(<ReviewSession question={question} remaining={1} />);
    await user.type(screen.getByLabelText("Your answer (calls)"), "12");
    await user.click(screen.getByRole("button", { name: "Check answer" }));
    expect(answer).toHaveBeenCalledWith(expect.objectContaining({ response: ["12"] }));
    expect(await screen.findByText("50,000 / 4,096 rounds up to 13.")).toBeTruthy();
    expect(screen.getByText("13")).toBeTruthy();
  });
});

test("a refusal is shown, and the card can be answered again", async () => {
  answer.mockResolvedValueOnce({ ok: false, code: "CONFLICT", message: "This question was updated since the page loaded. Reload the page to answer the new version." });
  const user = userEvent.setup();
  render(<ReviewSession question={single} remaining={1} />);
  await user.click(screen.getByRole("radio", { name: /kms:Encrypt/ }));
  await user.click(screen.getByRole("button", { name: "Check answer" }));
  expect((await screen.findByRole("alert")).textContent).toContain("This question was updated");
  expect(await screen.findByRole("button", { name: "Check answer" })).toBeTruthy();
});

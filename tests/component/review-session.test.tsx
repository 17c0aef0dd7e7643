// A review card's answer says when it comes back, in correct English.
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, expect, test, vi } from "vitest";

const answer = vi.fn();
vi.mock("@/lib/learning/actions", () => ({ answerReviewAction: (input: unknown) => answer(input) }));
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: () => {} }) }));

const { ReviewSession } = await import("@/components/review/review-session");

afterEach(() => {
  cleanup();
  answer.mockReset();
});

const question = {
  questionId: "q-kms-001",
  type: "single" as const,
  stem: "Which key policy statement lets arn:aws:iam::123456789012:role/service-role/OrderProcessingLambdaExecutionRoleWithAVeryLongName decrypt?",
  chooseCount: 1,
  choices: [
    { key: "a", text: "kms:Decrypt for the role" },
    { key: "b", text: "kms:Encrypt for the role" },
  ],
  lapses: 1,
};

test.each([
  { inMs: 60_000, says: "This card comes back in 1 minute." },
  { inMs: 10 * 60_000, says: "This card comes back in 10 minutes." },
  { inMs: 3_600_000, says: "This card comes back in 1 hour." },
  { inMs: 86_400_000 * 3, says: "This card comes back in 3 days." },
])("due again in $inMs ms: “$says”", async ({ inMs, says }) => {
  answer.mockResolvedValue({
    ok: true,
    data: { status: "answered", correct: true, correctKeys: ["a"], explanations: [], lessonId: "kms", nextDue: new Date(Date.now() + inMs).toISOString() },
  });
  const user = userEvent.setup();
  render(<ReviewSession question={question} remaining={1} />);
  expect(screen.getByText("missed 1 time before")).toBeTruthy();
  await user.click(screen.getByRole("radio", { name: /kms:Decrypt/ }));
  await user.click(screen.getByRole("button", { name: "Check answer" }));
  expect((await screen.findByText(/This card comes back/)).textContent).toContain(says);
});

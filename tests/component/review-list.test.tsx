// The results page's review: shown a page at a time, filters start a new page,
// and "show more" moves focus to the first card it added.
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { expect, test, vi } from "vitest";
import type { ReviewItem } from "@/lib/exams/attempt-results";

vi.mock("@/lib/question-reports/actions", () => ({ reportQuestionAction: async () => ({}) }));
const { ReviewList, REVIEW_PAGE_SIZE } = await import("@/components/exam/review-list");

function item(position: number, correct: boolean): ReviewItem {
  return {
    position,
    questionId: `q${position}`,
    stem: `Stem of question ${position + 1}`,
    display: { kind: "single", chooseCount: 1, choices: ["a", "b"].map((key) => ({ key, text: `Choice ${key}` })) },
    chosenKeys: [correct ? "a" : "b"],
    reveal: {
      correct,
      correctResponse: ["a"],
      choiceExplanations: [
        { key: "a", correct: true, explanation: "Right." },
        { key: "b", correct: false, explanation: "Wrong." },
      ],
      explanation: "",
      lessonId: "lesson",
      references: [],
    },
    correct,
    answered: true,
    flagged: false,
    unsure: false,
    timeSpentMs: 30_000,
    lessonId: "lesson",
    topic: "topic",
    taskStatement: "1.1",
  };
}

// 25 questions: every third one wrong (positions 0, 3, …, 24: 9 wrong, 16 right).
const items = Array.from({ length: 25 }, (_, i) => item(i, i % 3 !== 0));
const cards = () => screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent);

test("shows the first page, then the next on request with focus on the first card added, then all", async () => {
  const user = userEvent.setup();
  render(<ReviewList items={items} />);
  expect(REVIEW_PAGE_SIZE).toBe(10);
  expect(cards()).toEqual(Array.from({ length: 10 }, (_, i) => `Question ${i + 1}`));
  expect(screen.getByText("Showing 10 of 25.")).toBeTruthy();

  await user.click(screen.getByRole("button", { name: "Show 10 more" }));
  expect(cards()).toHaveLength(20);
  expect(document.activeElement).toBe(screen.getByRole("heading", { name: "Question 11" }));

  // Five are left: one button says so, and "show all" would say the same, so it is gone.
  expect(screen.queryByRole("button", { name: /Show all/ })).toBeNull();
  await user.click(screen.getByRole("button", { name: "Show 5 more" }));
  expect(cards()).toHaveLength(25);
  expect(document.activeElement).toBe(screen.getByRole("heading", { name: "Question 21" }));
  expect(screen.queryByRole("button", { name: /more/ })).toBeNull();
});

test("a filter starts from its first page and counts what it hides", async () => {
  const user = userEvent.setup();
  render(<ReviewList items={items} />);
  await user.click(screen.getByRole("button", { name: "Show all 25" }));
  expect(cards()).toHaveLength(25);

  await user.click(within(screen.getByRole("group", { name: "Show" })).getByRole("button", { name: "Incorrect (9)" }));
  expect(cards()).toEqual(["Question 1", "Question 4", "Question 7", "Question 10", "Question 13", "Question 16", "Question 19", "Question 22", "Question 25"]);
  expect(screen.queryByRole("button", { name: /more/ })).toBeNull();

  await user.click(screen.getByRole("button", { name: "Correct (16)" }));
  expect(cards()).toHaveLength(10);
  expect(cards()[0]).toBe("Question 2");
  expect(screen.getByText("Showing 10 of 16.")).toBeTruthy();
  expect(screen.getByText("Showing 10 of 16 questions.")).toBeTruthy();
});

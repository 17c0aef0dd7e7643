// Dashboard cards: the highest-impact topics explain their order, pacing never
// praises a pace it did not measure, and the score chart has a text alternative
// and takes no focus inside its aria-hidden drawing.
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, test, vi } from "vitest";

vi.mock("@/components/exam/start-forms", () => ({
  DrillTopicButton: ({ title }: { title: string }) => <button type="submit">Drill {title}</button>,
}));

const { WeakTopicExplanation, WeakTopicList } = await import("@/components/dashboard/weak-topic-list");
const { PacingSummary } = await import("@/components/dashboard/pacing-summary");

afterEach(cleanup);

describe("highest-impact topics", () => {
  const topics = [
    { id: "lambda", title: "Lambda execution model", taskStatement: "1.1", domain: 1, lessonId: "lambda", mastery: 0.4, evidence: 12, blueprintWeight: 0.032, priority: 0.0192, questionsAtStake: 1.248 },
    { id: "xray", title: "X-Ray sampling", taskStatement: "4.1", domain: 4, lessonId: null, mastery: 0.17, evidence: 1, blueprintWeight: 0.009, priority: 0.00747, questionsAtStake: 0.486 },
  ];

  test("the ranking is named and explained", () => {
    render(<WeakTopicExplanation />);
    expect(screen.getByText(/blueprint weight × how much you have left to learn/)).toBeTruthy();
  });

  test("each row shows its exam weight and mastery, so a 40% topic above a 17% one makes sense", () => {
    render(<WeakTopicList topics={topics} />);
    const [first, second] = screen.getAllByRole("listitem");
    expect(first!.textContent).toContain("Lambda execution model");
    expect(first!.textContent).toMatch(/3\.2% of the exam/);
    expect(first!.textContent).toMatch(/40% mastery from 12 answers/);
    expect(first!.textContent).toMatch(/about 1\.2 of 65 questions at stake/);
    expect(second!.textContent).toMatch(/0\.9% of the exam/);
    expect(second!.textContent).toMatch(/17% mastery from 1 answer(?!s)/);
  });
});

describe("pacing", () => {
  const pace = (averageSeconds: number | null, verdict: "no-time" | "too-few" | "implausible" | "on-pace" | "slow", timed = 30, untimed = 0) => ({
    averageSeconds,
    verdict,
    timedAnswers: timed,
    untimedAnswers: untimed,
  });

  test.each([
    { name: "no measured time", pacing: pace(null, "no-time", 0, 12), says: /None of your 12 answers in the last 30 days has a recorded time/ },
    { name: "implausibly fast", pacing: pace(0, "implausible"), says: /faster than a DVA-C02 question can be read/ },
    { name: "too few answers", pacing: pace(40, "too-few", 2), says: /Too few timed answers to judge/ },
  ])("$name is never praised as on pace", ({ pacing, says }) => {
    render(<PacingSummary pacing={pacing} days={30} />);
    expect(document.body.textContent).toMatch(says);
    expect(document.body.textContent).not.toMatch(/on pace|Within the exam's pace/i);
  });

  test("a real pace says what was measured", () => {
    render(<PacingSummary pacing={pace(45, "on-pace", 30, 4)} days={30} />);
    expect(document.body.textContent).toContain("45 s");
    expect(document.body.textContent).toContain("over 30 timed answers in quizzes, mocks and reviews in the last 30 days");
    expect(document.body.textContent).toContain("4 answers without a recorded time are left out");
    expect(document.body.textContent).toContain("Within the exam's pace.");
  });
});

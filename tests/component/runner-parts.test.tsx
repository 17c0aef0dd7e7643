import { fireEvent, render, screen, within } from "@testing-library/react";
import { createRef } from "react";
import { describe, expect, test, vi } from "vitest";
import { Navigator } from "@/components/exam/navigator";
import { QuestionCard } from "@/components/exam/question-card";
import { submitWarning } from "@/components/exam/submit-dialog";
import { focusOwnsKeys } from "@/components/exam/use-shortcuts";
import { ChoiceList } from "@/components/question/choice-list";
import { OrderingList } from "@/components/question/ordering-list";
import { QuestionText } from "@/components/question/question-text";
import type { RunnerItem } from "@/lib/exams/runner-view";

// "Report a problem" (components/question/report-question.tsx) calls a server action; its own test is report-question.test.tsx.
vi.mock("@/lib/question-reports/actions", () => ({ reportQuestionAction: async () => ({}) }));

const multiple: RunnerItem = {
  position: 4,
  stem: "A developer needs\nthree things.",
  display: { kind: "multiple", chooseCount: 3, choices: ["a", "b", "c", "d", "e"].map((key) => ({ key, text: `Choice ${key}` })) },
  shape: { kind: "multiple", keys: ["a", "b", "c", "d", "e"], chooseCount: 3 },
  chosenKeys: ["b"],
  flagged: false,
  unsure: false,
  timeSpentMs: 0,
  saveSeq: "0",
  reveal: null,
};

function card(item: RunnerItem, extra: Partial<Parameters<typeof QuestionCard>[0]> = {}) {
  return render(
    <QuestionCard
      attemptId="attempt-1"
      item={item}
      state={{ chosenKeys: item.chosenKeys, flagged: false, unsure: false, reveal: null }}
      total={65}
      practice={false}
      closed={false}
      notice=""
      headingRef={createRef()}
      checking={false}
      checkError={null}
      onChange={() => {}}
      onFull={() => {}}
      onToggleFlag={() => {}}
      onToggleUnsure={() => {}}
      onCheck={() => {}}
      {...extra}
    />,
  );
}

describe("defect 1: a partly answered multiple-response question says so", () => {
  test("the card shows 1 of 3 chosen", () => {
    card(multiple);
    expect(screen.getByText("(1 of 3 chosen)")).toBeTruthy();
  });
  test("the submit dialog counts partly answered questions as a warning", () => {
    expect(submitWarning(0, 1)).toBe("1 is only partly answered, and will count as wrong.");
    expect(submitWarning(2, 1)).toBe("2 questions are not answered and 1 is only partly answered, and will count as wrong.");
    expect(submitWarning(0, 0)).toBe("Every question has a complete answer.");
  });
});

describe("defect 2: question text reads as prose", () => {
  test("source line wraps become spaces", () => {
    render(<QuestionText text={"A developer deploys\na function."} />);
    expect(screen.getByText("A developer deploys a function.")).toBeTruthy();
  });
});

describe("defect 3: flags and states are not shown by colour alone", () => {
  test("each cell names its state, and a flag carries a visible badge", () => {
    render(
      <Navigator
        items={[
          { position: 0, state: "complete", flagged: true },
          { position: 1, state: "incomplete", flagged: false },
          { position: 2, state: "unanswered", flagged: false },
        ]}
        current={1}
        onSelect={() => {}}
      />,
    );
    const nav = screen.getByRole("navigation", { name: "Questions" });
    expect(within(nav).getByRole("button", { name: "Question 1, answered, flagged" }).textContent).toContain("⚑");
    expect(within(nav).getByRole("button", { name: "Question 2, partly answered, current" })).toBeTruthy();
    expect(within(nav).getByRole("button", { name: "Question 3, not answered" })).toBeTruthy();
  });
  test("the navigator is one Tab stop (roving focus)", () => {
    render(<Navigator items={[0, 1, 2, 3].map((position) => ({ position, state: "unanswered", flagged: false }))} current={2} onSelect={() => {}} />);
    const stops = screen.getAllByRole("button").filter((b) => b.getAttribute("tabindex") === "0");
    expect(stops.map((b) => b.getAttribute("aria-label"))).toEqual(["Question 3, not answered, current"]);
  });
});

describe("defect 4: a full multiple-response question explains the refused click", () => {
  test("another option stays enabled and focusable, and the click reports 'full'", () => {
    const onChange = vi.fn();
    const onFull = vi.fn();
    render(<ChoiceList name="q" kind="multiple" chooseCount={2} choices={["a", "b", "c"].map((key) => ({ key, text: key }))} response={["a", "b"]} onChange={onChange} onFull={onFull} />);
    const third = screen.getAllByRole("checkbox")[2]!;
    expect((third as HTMLInputElement).disabled).toBe(false);
    fireEvent.click(third);
    expect(onFull).toHaveBeenCalledTimes(1);
    expect(onChange).not.toHaveBeenCalled();
  });
});

describe("defect 5: shortcuts leave form controls alone", () => {
  test.each([
    { html: '<input type="radio" />', owns: true },
    { html: "<select><option>x</option></select>", owns: true },
    { html: '<div role="radiogroup"><span tabindex="0">x</span></div>', owns: true },
    { html: "<button>x</button>", owns: true },
    { html: '<h2 tabindex="-1">Question 1</h2>', owns: false },
  ])("$html → owns keys: $owns", ({ html, owns }) => {
    document.body.innerHTML = html;
    const target = document.body.querySelector("span, input, select, button, h2")!;
    expect(focusOwnsKeys(target)).toBe(owns);
  });
});

describe("ordering by keyboard", () => {
  test("Alt+ArrowUp moves a focused step up and announces it", () => {
    const onChange = vi.fn();
    render(<OrderingList label="steps" steps={[{ key: "a", text: "First" }, { key: "b", text: "Second" }]} response={[]} onChange={onChange} />);
    const second = screen.getByText("Second").closest("li")!;
    fireEvent.keyDown(second, { key: "ArrowUp", altKey: true });
    expect(onChange).toHaveBeenCalledWith(["b", "a"]);
    expect(screen.getByText("Second moved to position 1 of 2.")).toBeTruthy();
  });
});

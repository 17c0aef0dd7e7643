// "Report a problem": a dialog that starts on the reasons, sends where the
// question was seen, keeps what was typed when the server refuses it, and
// gives focus back to its button when it closes.
import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeAll, beforeEach, expect, test, vi } from "vitest";

const report = vi.fn();
vi.mock("@/lib/question-reports/actions", () => ({
  reportQuestionAction: async (_previous: unknown, data: FormData) => report(Object.fromEntries(data.entries())),
}));
const { ReportQuestion } = await import("@/components/question/report-question");

beforeAll(() => {
  // jsdom may lack the modal dialog's methods.
  const proto = HTMLDialogElement.prototype as HTMLDialogElement & { showModal?: () => void };
  if (!proto.showModal || !String(proto.showModal).includes("native")) {
    proto.showModal = function (this: HTMLDialogElement) {
      this.setAttribute("open", "");
    };
    proto.close = function (this: HTMLDialogElement) {
      this.removeAttribute("open");
      this.dispatchEvent(new Event("close"));
    };
  }
});
beforeEach(() => report.mockReset());

test("opens on the reasons, shows the server's errors beside their fields with the comment kept, and sends where it was seen", async () => {
  const user = userEvent.setup();
  render(<ReportQuestion target={{ source: "attempt", attemptId: "att-1", position: 3 }} />);
  await user.click(screen.getByRole("button", { name: /Report a problem/ }));
  const dialog = screen.getByRole("dialog", { name: "Report a problem with this question", hidden: true });
  const radios = within(dialog).getAllByRole("radio", { hidden: true });
  expect(radios.map((r) => (r as HTMLInputElement).value)).toEqual(["WRONG_KEY", "UNCLEAR", "OUTDATED", "TYPO", "OTHER"]);
  expect(document.activeElement).toBe(radios[0]);

  report.mockResolvedValueOnce({ fieldErrors: { comment: ["Say what is wrong: a comment is needed for “Something else”."] }, values: { reason: "OTHER", comment: "" } });
  await user.click(within(dialog).getByLabelText("Something else"));
  await user.type(within(dialog).getByRole("textbox", { hidden: true }), "   ");
  await user.click(within(dialog).getByRole("button", { name: "Send report", hidden: true }));
  expect(report).toHaveBeenCalledWith({ source: "attempt", attemptId: "att-1", position: "3", reason: "OTHER", comment: "   " });
  const comment = within(dialog).getByRole("textbox", { hidden: true });
  expect(await within(dialog).findByText(/a comment is needed/)).toBeTruthy();
  expect(comment.getAttribute("aria-invalid")).toBe("true");
  expect(comment.getAttribute("aria-describedby")).toContain("comment-error");
  expect((comment as HTMLTextAreaElement).value).toBe("   ");
  expect((within(dialog).getByLabelText("Something else") as HTMLInputElement).checked).toBe(true);
  expect(document.activeElement).toBe(comment);
});

test("a missing reason is an error on the radio group; after a success Close returns focus to the button", async () => {
  const user = userEvent.setup();
  render(<ReportQuestion target={{ source: "lesson", lessonId: "sqs-queues", questionId: "q-sqs-001" }} notes={[{ reason: "TYPO", status: "FIXED", resolutionNote: "Fixed the comma." }]} />);
  expect(screen.getByText(/Staff note: “Fixed the comma\.”/)).toBeTruthy();
  const trigger = screen.getByRole("button", { name: /Report a problem/ });
  await user.click(trigger);
  const dialog = screen.getByRole("dialog", { hidden: true });
  report.mockResolvedValueOnce({ fieldErrors: { reason: ["Choose what is wrong with the question."] }, values: { comment: "wrong region" } });
  await user.type(within(dialog).getByRole("textbox", { hidden: true }), "wrong region");
  await user.click(within(dialog).getByRole("button", { name: "Send report", hidden: true }));
  expect(report.mock.calls[0]![0]).toMatchObject({ source: "lesson", lessonId: "sqs-queues", questionId: "q-sqs-001", comment: "wrong region" });
  expect(await within(dialog).findByText("Choose what is wrong with the question.")).toBeTruthy();
  expect(document.activeElement).toBe(within(dialog).getAllByRole("radio", { hidden: true })[0]);
  expect((within(dialog).getByRole("textbox", { hidden: true }) as HTMLTextAreaElement).value).toBe("wrong region");

  report.mockResolvedValueOnce({ ok: true, message: "Thank you: your report is in." });
  await user.click(within(dialog).getByLabelText("It is out of date"));
  await user.click(within(dialog).getByRole("button", { name: "Send report", hidden: true }));
  expect(await within(dialog).findByText("Thank you: your report is in.")).toBeTruthy();
  await act(async () => within(dialog).getByRole("button", { name: "Close", hidden: true }).click());
  expect(screen.queryByRole("dialog", { hidden: true })).toBeNull();
  expect(document.activeElement).toBe(screen.getByRole("button", { name: /Reported · report again/ }));
});

import { fireEvent, render, screen } from "@testing-library/react";
import { expect, test, vi } from "vitest";
import { NumericAnswer } from "@/components/question/numeric-answer";

test("a well-formed number is sent, anything else is held back with a hint", () => {
  const onChange = vi.fn();
  render(<NumericAnswer unit="RCU" response={[]} onChange={onChange} />);
  const input = screen.getByLabelText("Your answer (RCU)");
  fireEvent.change(input, { target: { value: "1" } });
  expect(onChange).toHaveBeenLastCalledWith(["1"]);
  fireEvent.change(input, { target: { value: "1x" } });
  expect(screen.getByText("Enter a number, like 40 or 2.5.")).toBeTruthy();
  expect(onChange).toHaveBeenCalledTimes(1);
});

import { render, screen } from "@testing-library/react";
import { expect, test } from "vitest";
import { Alert } from "@/components/ui/alert";

test("an error alert is announced assertively", () => {
  render(<Alert tone="error">Something went wrong</Alert>);
  expect(screen.getByRole("alert").textContent).toBe("Something went wrong");
});

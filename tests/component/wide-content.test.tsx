// Wide lesson content: a keyboard-scrollable, named region with a visible and
// announced scroll cue, and an "Open full size" dialog.
import { act, cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { WideContent } from "@/components/lessons/wide-content";

/** jsdom has no layout: pretend every scroll region is `content` px wide inside `box` px. */
function layout(content: number, box: number) {
  Object.defineProperty(HTMLElement.prototype, "scrollWidth", { configurable: true, get: () => content });
  Object.defineProperty(HTMLElement.prototype, "clientWidth", { configurable: true, get: () => box });
}

beforeAll(() => {
  // jsdom's <dialog> has no showModal/close.
  HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
    this.setAttribute("open", "");
  };
  HTMLDialogElement.prototype.close = function (this: HTMLDialogElement) {
    this.removeAttribute("open");
    this.dispatchEvent(new Event("close"));
  };
});
afterEach(cleanup);

const table = (
  <table>
    <thead>
      <tr>
        <th>Hook</th>
        <th>Runs</th>
      </tr>
    </thead>
    <tbody>
      <tr>
        <td>BeforeInstall</td>
        <td>before the files are copied</td>
      </tr>
    </tbody>
  </table>
);

describe("WideContent", () => {
  test("content wider than the column: a focusable named region, a scroll hint it is described by, and an edge shadow", () => {
    layout(1928, 734);
    render(<WideContent label="Table: Hook, Runs">{table}</WideContent>);
    const region = screen.getByRole("region", { name: "Table: Hook, Runs" });
    expect(region.tabIndex).toBe(0);
    const hint = document.getElementById(region.getAttribute("aria-describedby") ?? "");
    expect(hint?.textContent).toMatch(/Scroll sideways to see all of it/);
    // More to the right: the right edge shows a shadow, the left does not (yet).
    expect(document.querySelector(".wide-content-shadow-right")?.classList.contains("is-visible")).toBe(true);
    expect(document.querySelector(".wide-content-shadow-left")?.classList.contains("is-visible")).toBe(false);
    expect(screen.getByRole("button", { name: "Open full size" })).toBeTruthy();
  });

  test("scrolled to the middle, both edges show that more is there", () => {
    layout(1928, 734);
    render(<WideContent label="Table: Hook, Runs">{table}</WideContent>);
    const region = screen.getByRole("region", { name: "Table: Hook, Runs" });
    act(() => {
      region.scrollLeft = 400;
      region.dispatchEvent(new Event("scroll"));
    });
    expect(document.querySelector(".wide-content-shadow-left")?.classList.contains("is-visible")).toBe(true);
    expect(document.querySelector(".wide-content-shadow-right")?.classList.contains("is-visible")).toBe(true);
  });

  test("content that fits: no hint, no shadow, no button", () => {
    layout(500, 734);
    render(<WideContent label="Table: Hook, Runs">{table}</WideContent>);
    expect(screen.getByRole("region", { name: "Table: Hook, Runs" }).hasAttribute("aria-describedby")).toBe(false);
    expect(screen.queryByText(/Scroll sideways/)).toBeNull();
    expect(screen.queryByRole("button", { name: "Open full size" })).toBeNull();
    expect(document.querySelector(".wide-content-shadow.is-visible")).toBeNull();
  });

  test("a diagram drawn smaller than its natural size can be opened full size even when nothing scrolls", () => {
    layout(734, 734);
    render(
      <WideContent label="Flowchart: A, B" naturalWidth={900}>
        <div role="img" aria-label="Flowchart: A, B" />
      </WideContent>,
    );
    expect(screen.getByRole("button", { name: "Open full size" })).toBeTruthy();
  });

  test("Open full size shows the content in a labelled dialog; closing it returns focus to the button", async () => {
    layout(1928, 734);
    const user = userEvent.setup();
    render(<WideContent label="Table: Hook, Runs">{table}</WideContent>);
    const open = screen.getByRole("button", { name: "Open full size" });
    expect(open.getAttribute("aria-haspopup")).toBe("dialog");
    await user.click(open);
    const dialog = screen.getByRole("dialog", { name: "Table: Hook, Runs" });
    const body = within(dialog).getByRole("region", { name: "Table: Hook, Runs, full size" });
    expect(within(body).getByRole("table")).toBeTruthy();
    expect(within(body).getByText("BeforeInstall")).toBeTruthy();
    await user.click(within(dialog).getByRole("button", { name: "Close" }));
    expect(dialog.hasAttribute("open")).toBe(false);
    expect(document.activeElement).toBe(open);
  });
});

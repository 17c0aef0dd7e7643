// Lesson tables and diagrams wider than the column: the reader sees that more
// is there, scrolls it from the keyboard, and can open it full size. An empty
// table header is never silent.
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { LessonMarkdown } from "@/components/lessons/lesson-markdown";
import { MermaidDiagram } from "@/components/lessons/mermaid-diagram";

// A 1,928 px flowchart, as mermaid draws the CodeDeploy hooks lesson's; its styles are scoped by the svg's id.
vi.mock("mermaid", () => ({
  default: {
    initialize: () => {},
    render: async (id: string) => ({
      svg: `<svg id="${id}" width="100%" style="max-width: 1928px;" viewBox="0 0 1928 174"><style>#${id} .node{fill:#eee}</style><marker id="${id}_arrow"></marker><g class="node"><text>ApplicationStop</text></g></svg>`,
    }),
  },
}));

function layout(content: number, box: number) {
  Object.defineProperty(HTMLElement.prototype, "scrollWidth", { configurable: true, get: () => content });
  Object.defineProperty(HTMLElement.prototype, "clientWidth", { configurable: true, get: () => box });
}

beforeAll(() => {
  HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
    this.setAttribute("open", "");
  };
  HTMLDialogElement.prototype.close = function (this: HTMLDialogElement) {
    this.removeAttribute("open");
    this.dispatchEvent(new Event("close"));
  };
});
afterEach(cleanup);

const COMPARISON = `
| | EC2/on-premises | AWS Lambda | Amazon ECS |
| --- | --- | --- | --- |
| Agent needed | Yes, the CodeDeploy agent on every instance | No | No |
`;

describe("lesson tables", () => {
  test("a wide table scrolls in a named, focusable region with a scroll hint and an Open full size dialog", async () => {
    layout(1200, 734);
    const user = userEvent.setup();
    render(<LessonMarkdown markdown={COMPARISON} />);
    const region = screen.getByRole("region", { name: /^Table: .*EC2\/on-premises, AWS Lambda, Amazon ECS$/ });
    expect(region.tabIndex).toBe(0);
    expect(document.getElementById(region.getAttribute("aria-describedby") ?? "")?.textContent).toMatch(/Scroll sideways/);
    await user.click(screen.getByRole("button", { name: "Open full size" }));
    const dialog = screen.getByRole("dialog", { name: region.getAttribute("aria-label")! });
    expect(within(dialog).getByText("Yes, the CodeDeploy agent on every instance")).toBeTruthy();
  });

  test("an empty header cell gets a visually hidden label", () => {
    layout(500, 734);
    render(<LessonMarkdown markdown={COMPARISON} />);
    const headers = screen.getAllByRole("columnheader");
    expect(headers.map((h) => h.textContent)).toEqual(["Feature", "EC2/on-premises", "AWS Lambda", "Amazon ECS"]);
    expect(headers[0]!.querySelector(".sr-only")?.textContent).toBe("Feature");
    expect(screen.getAllByRole("columnheader").every((h) => h.textContent!.trim() !== "")).toBe(true);
  });

  test("a header that has a name keeps it", () => {
    layout(500, 734);
    render(<LessonMarkdown markdown={"| Hook | Runs |\n| --- | --- |\n| BeforeInstall | before copying |\n"} />);
    expect(screen.getAllByRole("columnheader").map((h) => h.textContent)).toEqual(["Hook", "Runs"]);
    expect(document.querySelector("th .sr-only")).toBeNull();
  });
});

describe("lesson diagrams", () => {
  test("a diagram wider than the column: scroll cue, keyboard region, and full size at its natural width", async () => {
    layout(1446, 734); // shrunk to three quarters, still wider than the column
    const user = userEvent.setup();
    render(<MermaidDiagram source={"flowchart LR\n  A[ApplicationStop] --> B[DownloadBundle]"} label="Flowchart: ApplicationStop, DownloadBundle" />);
    const drawing = await screen.findByRole("img", { name: "Flowchart: ApplicationStop, DownloadBundle" });
    const region = screen.getByRole("region", { name: "Flowchart: ApplicationStop, DownloadBundle" });
    expect(region.contains(drawing)).toBe(true);
    expect(region.tabIndex).toBe(0);
    await waitFor(() => expect(screen.getByText(/Scroll sideways to see all of it/)).toBeTruthy());
    expect(region.getAttribute("aria-describedby")).toBe(screen.getByText(/Scroll sideways/).closest("p")!.id);

    await user.click(screen.getByRole("button", { name: "Open full size" }));
    const dialog = screen.getByRole("dialog", { name: "Flowchart: ApplicationStop, DownloadBundle" });
    const full = within(dialog).getByRole("img", { name: "Flowchart: ApplicationStop, DownloadBundle" });
    expect((full as HTMLElement).style.getPropertyValue("--diagram-natural-width")).toBe("1928px");
    // The copy is drawn under its own ids: no id appears twice on the page.
    const ids = [...document.querySelectorAll("[id]")].map((e) => e.id);
    expect(ids.length).toBe(new Set(ids).size);
    expect(full.querySelector("svg")!.id).toMatch(/-full$/);
  });
});

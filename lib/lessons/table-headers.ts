// Lesson tables: a header cell must never be empty (a screen reader announces
// the header with every cell under it). Lessons give each header a word; this
// rehype step labels any empty one that slips through, visually hidden: the
// first column of a comparison table holds the features compared, so it is
// "Feature"; any other column is named by its position. Pure: a hast transform.
import type { Element, ElementContent, Root } from "hast";

function isEmpty(cell: Element): boolean {
  const text = (n: ElementContent): string => (n.type === "text" ? n.value : n.type === "element" ? n.children.map(text).join("") : "");
  return cell.children.map(text).join("").trim() === "";
}

export function emptyHeaderLabel(column: number): string {
  return column === 1 ? "Feature" : `Column ${column}`;
}

function visit(node: Root | Element) {
  for (const child of node.children) {
    if (child.type !== "element") continue;
    if (child.tagName === "tr") {
      const cells = child.children.filter((c): c is Element => c.type === "element" && (c.tagName === "th" || c.tagName === "td"));
      cells.forEach((cell, index) => {
        if (cell.tagName === "th" && isEmpty(cell)) {
          cell.children = [{ type: "element", tagName: "span", properties: { className: ["sr-only"] }, children: [{ type: "text", value: emptyHeaderLabel(index + 1) }] }];
        }
      });
    } else visit(child);
  }
}

/** rehype plugin: gives every empty <th> a visually hidden label. */
export function rehypeLabelEmptyHeaders() {
  return (tree: Root) => visit(tree);
}

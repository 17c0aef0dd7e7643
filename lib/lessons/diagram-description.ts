// An accessible name for a lesson's mermaid diagram, read from its source: the
// kind of diagram and the names in it, so a screen reader user hears what the
// picture is about. Pure: no framework or database imports.

const KINDS: Array<[RegExp, string]> = [
  [/^(flowchart|graph)\b/, "Flowchart"],
  [/^sequenceDiagram\b/, "Sequence diagram"],
  [/^stateDiagram(-v2)?\b/, "State diagram"],
];

const MAX_NAMES = 12;

function unquote(label: string): string {
  return label.trim().replace(/^"(.*)"$/, "$1").trim();
}

const FLOWCHART_KEYWORDS = /^(subgraph|end|direction|click|style|classDef|class|linkStyle)\b/;

function flowchartNames(lines: string[]): string[] {
  const labels = new Map<string, string>();
  for (const line of lines) {
    if (FLOWCHART_KEYWORDS.test(line)) continue;
    // Quoted labels may hold anything, even "--": set them aside while splitting on edges.
    const quoted: string[] = [];
    const nodes = line
      .replace(/"[^"]*"/g, (label) => `\u0000${quoted.push(label) - 1}\u0000`)
      .replace(/\|[^|]*\|/g, " ") // edge labels: -->|text|
      .replace(/--\s+[^->]+?\s+-->/g, "-->") // edge labels: -- text -->
      .split(/\s*(?:<?[-=.]{2,}[->ox]?|&)\s*/);
    for (const node of nodes) {
      const match = node.trim().match(/^([A-Za-z][\w]*)\s*(.*)$/);
      if (!match) continue;
      const [, id = "", bracketed = ""] = match;
      const shape = bracketed.replace(/\u0000(\d+)\u0000/g, (_m, index: string) => quoted[Number(index)] ?? "");
      const label = unquote(shape.replace(/^[[({>/\\]+/, "").replace(/[\])}/\\]+$/, ""));
      if (!labels.has(id) || (label && labels.get(id) === id)) labels.set(id, label || id);
    }
  }
  return [...labels.values()];
}

function sequenceNames(lines: string[]): string[] {
  const names = new Map<string, string>();
  for (const line of lines) {
    const declared = line.match(/^(?:participant|actor)\s+(\S+)(?:\s+as\s+(.+))?$/);
    if (declared) {
      names.set(declared[1]!, declared[2]?.trim() ?? declared[1]!);
      continue;
    }
    const message = line.match(/^([^-\s>]+)\s*-[-)x>]*>+[+-]?\s*([^:\s]+)\s*:/);
    if (message) {
      for (const id of [message[1]!, message[2]!]) if (!names.has(id)) names.set(id, id);
    }
  }
  return [...names.values()];
}

function stateNames(lines: string[]): string[] {
  const names: string[] = [];
  for (const line of lines) {
    const transition = line.match(/^(\S+)\s*-->\s*([^:\s]+)/);
    const states = transition ? [transition[1]!, transition[2]!] : (line.match(/^state\s+(?:"[^"]*"\s+as\s+)?(\w+)/)?.slice(1) ?? []);
    for (const state of states) if (state !== "[*]" && !names.includes(state)) names.push(state);
  }
  return names;
}

/** "Flowchart: Order service, SNS topic orders, …" — the diagram's kind and its names, in order. */
export function describeDiagram(source: string): string {
  const lines = source
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("%%"));
  const header = lines[0] ?? "";
  const kind = KINDS.find(([pattern]) => pattern.test(header))?.[1] ?? "Diagram";
  const body = lines.slice(1);
  const names =
    kind === "Flowchart" ? flowchartNames(body) : kind === "Sequence diagram" ? sequenceNames(body) : kind === "State diagram" ? stateNames(body) : [];
  if (names.length === 0) return kind;
  const shown = names.slice(0, MAX_NAMES).join(", ");
  return names.length > MAX_NAMES ? `${kind}: ${shown} and ${names.length - MAX_NAMES} more` : `${kind}: ${shown}`;
}

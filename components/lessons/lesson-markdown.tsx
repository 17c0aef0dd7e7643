// A lesson's markdown, rendered on the server: GitHub-flavoured markdown,
// heading ids (rehype-slug, the same ids as the table of contents), syntax
// highlighting (rehype-highlight), lesson:<id> links mapped to /learn/<id>,
// and ```mermaid blocks handed to the client to draw. No raw HTML is rendered.
// Wide tables and diagrams sit in a WideContent frame (scroll cue, keyboard
// scrolling, "Open full size"); an empty header cell gets a label for screen readers.
import type { Element, ElementContent } from "hast";
import { Link } from "@/components/ui/link";
import type { ComponentProps, ReactNode } from "react";
import Markdown, { type Components } from "react-markdown";
import rehypeHighlight from "rehype-highlight";
import rehypeSlug from "rehype-slug";
import remarkGfm from "remark-gfm";
import { describeDiagram } from "@/lib/lessons/diagram-description";
import { lessonUrlTransform } from "@/lib/lessons/lesson-links";
import { rehypeLabelEmptyHeaders } from "@/lib/lessons/table-headers";
import { MermaidDiagram } from "./mermaid-diagram";
import { WideContent } from "./wide-content";

function textOf(node: Element | ElementContent | undefined): string {
  if (!node) return "";
  if (node.type === "text") return node.value;
  if (node.type === "element") return node.children.map(textOf).join("");
  return "";
}

function languageOf(node: Element | undefined): string | null {
  const code = node?.children.find((child): child is Element => child.type === "element" && child.tagName === "code");
  const classes = code?.properties.className;
  const list: string[] = Array.isArray(classes) ? classes.map(String) : String(classes ?? "").split(" ");
  return list.find((c) => c.startsWith("language-"))?.slice("language-".length) ?? null;
}

/** "Table: Requirement, SQS, SNS, EventBridge" — a table region named by its column headings. */
function tableName(node: Element | undefined): string {
  const headings: string[] = [];
  const visit = (n: Element | ElementContent) => {
    if (n.type !== "element") return;
    if (n.tagName === "th") headings.push(textOf(n).trim());
    else n.children.forEach(visit);
  };
  if (node) visit(node);
  const named = headings.filter(Boolean);
  return named.length ? `Table: ${named.join(", ")}` : "Table";
}

function Heading({ level, id, node, children }: { level: 2 | 3 | 4; id?: string; node?: Element; children?: ReactNode }) {
  const Tag = `h${level}` as const;
  const text = textOf(node);
  return (
    <Tag id={id} className="lesson-heading">
      {children}
      {id && (
        <a href={`#${id}`} className="heading-anchor" aria-label={`Link to the section “${text}”`}>
          #
        </a>
      )}
    </Tag>
  );
}

const components: Components = {
  h2: ({ id, node, children }) => <Heading level={2} id={id} node={node}>{children}</Heading>,
  h3: ({ id, node, children }) => <Heading level={3} id={id} node={node}>{children}</Heading>,
  h4: ({ id, node, children }) => <Heading level={4} id={id} node={node}>{children}</Heading>,
  a: ({ href = "", children, node: _node, ...props }) => {
    if (href.startsWith("/learn/")) return <Link href={href}>{children}</Link>;
    if (href === "") return <span className="lesson-link-disabled">{children}</span>;
    const external = /^https?:/i.test(href);
    return (
      <a href={href} {...props} {...(external ? { rel: "noopener noreferrer" } : {})}>
        {children}
      </a>
    );
  },
  table: ({ node, ...props }) => (
    // A wide table scrolls inside its own region, which keyboard users can focus to scroll.
    <WideContent label={tableName(node)} title="Table at full size" className="lesson-table">
      <table {...props} />
    </WideContent>
  ),
  pre: ({ node, children, ...props }: ComponentProps<"pre"> & { node?: Element }) => {
    const language = languageOf(node);
    if (language === "mermaid") {
      const source = textOf(node).trim();
      return <MermaidDiagram source={source} label={describeDiagram(source)} />;
    }
    return (
      <div className="lesson-code">
        {language && language !== "text" && <span className="lesson-code-language">{language}</span>}
        <pre {...props} tabIndex={0}>
          {children}
        </pre>
      </div>
    );
  },
};

export function LessonMarkdown({ markdown }: { markdown: string }) {
  return (
    <div className="lesson-prose">
      <Markdown
        remarkPlugins={[remarkGfm]}
        rehypePlugins={[rehypeSlug, rehypeLabelEmptyHeaders, [rehypeHighlight, { detect: false, plainText: ["mermaid", "text"] }]]}
        urlTransform={lessonUrlTransform}
        components={components}
      >
        {markdown}
      </Markdown>
    </div>
  );
}

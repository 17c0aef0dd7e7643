"use client";
// Draws a lesson's mermaid diagram in the browser. mermaid is large, so it is
// imported only when a diagram is on the page; the diagram follows the
// light/dark theme and, if it cannot be drawn, the reader gets its source.
// A wide diagram sits in a WideContent frame: it scrolls sideways with a
// visible cue, from the keyboard too, and opens full size in a dialog.
import { type CSSProperties, useEffect, useId, useState } from "react";
import { useTheme } from "@/components/shell/use-theme";
import { WideContent } from "./wide-content";

type Drawing = { status: "drawing" } | { status: "drawn"; svg: string; renderId: string; width: number | null } | { status: "failed" };

/** The smallest a diagram may shrink to, as a share of its natural width, before it scrolls instead. */
const MIN_SCALE = 0.75;

function naturalWidth(svg: string): number | null {
  const viewBox = svg.match(/viewBox="[-\d.]+\s+[-\d.]+\s+([\d.]+)\s+[\d.]+"/);
  const width = viewBox ? Number(viewBox[1]) : NaN;
  return Number.isFinite(width) && width > 0 ? width : null;
}

export function MermaidDiagram({ source, label }: { source: string; label: string }) {
  const theme = useTheme(null);
  const baseId = `diagram-${useId().replace(/[^a-zA-Z0-9]/g, "")}`;
  const [drawing, setDrawing] = useState<Drawing>({ status: "drawing" });

  useEffect(() => {
    if (!theme) return;
    let cancelled = false;
    (async () => {
      try {
        const { default: mermaid } = await import("mermaid");
        mermaid.initialize({
          startOnLoad: false,
          securityLevel: "strict",
          suppressErrorRendering: true,
          theme: theme === "dark" ? "dark" : "default",
          fontFamily: "ui-sans-serif, system-ui, sans-serif",
        });
        const renderId = `${baseId}-${theme}`;
        const { svg } = await mermaid.render(renderId, source);
        if (!cancelled) setDrawing({ status: "drawn", svg, renderId, width: naturalWidth(svg) });
      } catch {
        if (!cancelled) setDrawing({ status: "failed" });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [baseId, source, theme]);

  if (drawing.status === "failed") {
    return (
      <figure className="lesson-diagram lesson-diagram-failed">
        <figcaption>
          This diagram could not be drawn, so here is its source. {label}.
        </figcaption>
        <pre tabIndex={0}>
          <code>{source}</code>
        </pre>
      </figure>
    );
  }

  return (
    <figure className="lesson-diagram">
      {drawing.status === "drawn" ? (
        <WideContent
          label={label}
          title={`${label.split(":")[0]} at full size`}
          naturalWidth={drawing.width ?? undefined}
          fullSize={
            // The same drawing under other ids (mermaid scopes its styles and markers by the svg's id).
            <div
              className="lesson-diagram-full"
              role="img"
              aria-label={label}
              style={drawing.width ? ({ "--diagram-natural-width": `${drawing.width}px` } as CSSProperties) : undefined}
              dangerouslySetInnerHTML={{ __html: drawing.svg.replaceAll(drawing.renderId, `${drawing.renderId}-full`) }}
            />
          }
        >
          <div
            className="lesson-diagram-canvas"
            role="img"
            aria-label={label}
            style={drawing.width ? ({ "--diagram-min-width": `${Math.round(drawing.width * MIN_SCALE)}px` } as CSSProperties) : undefined}
            dangerouslySetInnerHTML={{ __html: drawing.svg }}
          />
        </WideContent>
      ) : (
        <div className="lesson-diagram-loading" role="status">
          <span aria-hidden className="h-4 w-4 animate-spin rounded-full border-2 border-[var(--border)] border-t-brand-500" />
          Drawing diagram…
        </div>
      )}
      <details className="lesson-diagram-source">
        <summary>Diagram as text</summary>
        <pre tabIndex={0}>
          <code>{source}</code>
        </pre>
      </details>
    </figure>
  );
}

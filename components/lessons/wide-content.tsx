"use client";
// A lesson's wide content (a diagram or a table) in a frame the reader can see
// all of: it scrolls sideways inside the column, shows that more is there (an
// edge shadow on the side that continues and a "scroll" hint, which screen
// readers hear as the region's description), scrolls from the keyboard (the
// region takes focus and has a name), and opens full size in a dialog.
import { type ReactNode, useCallback, useEffect, useId, useRef, useState } from "react";
import { cn } from "@/components/ui/cn";

type Overflow = { scrolls: boolean; left: boolean; right: boolean; shrunk: boolean };
const NONE: Overflow = { scrolls: false, left: false, right: false, shrunk: false };

function measure(el: HTMLElement, naturalWidth: number | undefined): Overflow {
  const shrunk = naturalWidth !== undefined && naturalWidth > el.clientWidth + 1;
  const hidden = el.scrollWidth - el.clientWidth;
  if (hidden <= 1) return { ...NONE, shrunk };
  return { scrolls: true, left: el.scrollLeft > 1, right: el.scrollLeft < hidden - 1, shrunk };
}

export function WideContent({
  label,
  title = "Full size",
  children,
  fullSize,
  naturalWidth,
  className,
}: {
  /** The region's (and the dialog's) accessible name, e.g. "Table: Requirement, SQS, SNS". */
  label: string;
  /** The dialog's visible heading, e.g. "Flowchart at full size". */
  title?: string;
  children: ReactNode;
  /** What the dialog shows at natural size (defaults to the children). */
  fullSize?: ReactNode;
  /** The content's own width in px, when it is drawn smaller than that (a diagram shrunk to fit the column). */
  naturalWidth?: number;
  className?: string;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const [overflow, setOverflow] = useState<Overflow>(NONE);
  const [open, setOpen] = useState(false);
  const id = useId();
  const hintId = `${id}-hint`;

  const update = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    const next = measure(el, naturalWidth);
    setOverflow((prev) =>
      prev.scrolls === next.scrolls && prev.left === next.left && prev.right === next.right && prev.shrunk === next.shrunk ? prev : next,
    );
  }, [naturalWidth]);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    update();
    window.addEventListener("resize", update);
    let observer: ResizeObserver | undefined;
    if (typeof ResizeObserver !== "undefined") {
      observer = new ResizeObserver(update);
      observer.observe(el);
      for (const child of Array.from(el.children)) observer.observe(child);
    }
    return () => {
      window.removeEventListener("resize", update);
      observer?.disconnect();
    };
  }, [update, children]);

  const show = () => {
    setOpen(true);
    const d = dialog.current;
    if (!d) return;
    if (typeof d.showModal === "function") d.showModal();
    else d.setAttribute("open", "");
  };
  const hide = () => {
    const d = dialog.current;
    if (d && typeof d.close === "function") d.close();
    else {
      d?.removeAttribute("open");
      onClosed();
    }
  };
  const onClosed = () => {
    setOpen(false);
    opener.current?.focus();
  };

  const canOpen = overflow.scrolls || overflow.shrunk;
  return (
    <div className={cn("wide-content", className)}>
      <div className="wide-content-frame">
        <div
          ref={scroller}
          className="wide-content-scroller"
          role="region"
          aria-label={label}
          aria-describedby={overflow.scrolls ? hintId : undefined}
          tabIndex={0}
          onScroll={update}
        >
          {children}
        </div>
        <div aria-hidden className={cn("wide-content-shadow wide-content-shadow-left", overflow.left && "is-visible")} />
        <div aria-hidden className={cn("wide-content-shadow wide-content-shadow-right", overflow.right && "is-visible")} />
      </div>
      {canOpen && (
        <div className="wide-content-bar">
          {overflow.scrolls ? (
            <p id={hintId} className="wide-content-hint">
              <span aria-hidden>⇆ </span>Scroll sideways to see all of it.
            </p>
          ) : (
            <span />
          )}
          <button ref={opener} type="button" className="wide-content-open" aria-haspopup="dialog" onClick={show}>
            Open full size
          </button>
        </div>
      )}
      <dialog ref={dialog} className="wide-content-dialog" aria-label={label} onClose={onClosed}>
        <div className="wide-content-dialog-header">
          <p className="wide-content-dialog-title">{title}</p>
          <button type="button" className="wide-content-close" onClick={hide} autoFocus>
            Close
          </button>
        </div>
        {open && (
          <div className="wide-content-dialog-body" tabIndex={0} role="region" aria-label={`${label}, full size`}>
            {fullSize ?? children}
          </div>
        )}
      </dialog>
    </div>
  );
}

"use client";
// Every in-app link: next/link that prefetches only once the reader shows
// intent (a pointer over it, focus, a touch), not as soon as it scrolls into
// view. Viewport prefetching fetched and decoded up to ten RSC payloads on the
// main thread of each page load (the dashboard's nav and cards), each one a
// request to the server; every page here is dynamic, so a prefetch brings only
// the shared layouts and a click still asks the server for the page.
import NextLink from "next/link";
import { type ComponentProps, useState } from "react";

type LinkProps = ComponentProps<typeof NextLink>;

export function Link({ prefetch, onPointerEnter, onFocus, onTouchStart, ...props }: LinkProps) {
  const [intent, setIntent] = useState(false);
  const show = () => setIntent(true);
  return (
    <NextLink
      {...props}
      // null is next/link's default (prefetch in view); false never prefetches.
      prefetch={prefetch === false || !intent ? false : (prefetch ?? null)}
      onPointerEnter={(event) => {
        show();
        onPointerEnter?.(event);
      }}
      onFocus={(event) => {
        show();
        onFocus?.(event);
      }}
      onTouchStart={(event) => {
        show();
        onTouchStart?.(event);
      }}
    />
  );
}

import type { ComponentProps } from "react";
import { cn } from "./cn";

export function Card({ className, ...props }: ComponentProps<"section">) {
  return (
    <section
      className={cn("rounded-xl border border-[var(--border)] bg-[var(--surface)] p-5 shadow-sm", className)}
      {...props}
    />
  );
}

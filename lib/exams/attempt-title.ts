// What an attempt is called in headings and histories. Pure.
import type { AttemptMode } from "./modes";

export type AttemptConfig = {
  /** Quiz scope and its human title (a topic's title, not its id). */
  scope?: { kind: string; domain?: number; taskStatement?: string; topic?: string };
  label?: string;
  /** How many questions were asked for (a narrow scope may hold fewer). */
  requested?: number;
  /** Review exam: whether it runs against the clock. */
  timed?: boolean;
  /** Class assignment: its title as the instructor wrote it. */
  assignmentTitle?: string;
};

export function attemptTitle(mode: AttemptMode, config: AttemptConfig | null | undefined, questionCount: number): string {
  const count = `${questionCount} question${questionCount === 1 ? "" : "s"}`;
  switch (mode) {
    case "MOCK":
      return "Mock exam";
    case "FINAL_MOCK":
      return "Final mock exam";
    case "REVIEW_EXAM":
      return config?.timed ? "Review exam · timed" : "Review exam";
    case "ASSIGNMENT":
      return config?.assignmentTitle ?? "Assignment";
    case "DRILL":
      return `Weak-topic drill · ${count}`;
    case "QUIZ": {
      const scope = config?.scope;
      const what =
        config?.label ??
        (scope?.kind === "domain" ? `Domain ${scope.domain}` : scope?.kind === "taskStatement" ? `Task statement ${scope.taskStatement}` : "Practice");
      return `Quiz · ${what} · ${count}`;
    }
  }
}

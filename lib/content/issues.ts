// A content problem, named by file and field so an author can find it.
export type ContentIssue = {
  level: "error" | "warning";
  file: string;
  field: string;
  message: string;
};

export function formatIssue(issue: ContentIssue): string {
  const where = issue.field ? `${issue.file} › ${issue.field}` : issue.file;
  return `${issue.level === "error" ? "error" : "warn "}  ${where}: ${issue.message}`;
}

export function zodIssuesToContent(
  file: string,
  prefix: string,
  issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>,
): ContentIssue[] {
  return issues.map((issue) => ({
    level: "error",
    file,
    field: [prefix, ...issue.path.map(String)].filter(Boolean).join("."),
    message: issue.message,
  }));
}

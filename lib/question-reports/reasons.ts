// The words of a question report, shared by the student's dialog, the staff
// queue and the server. Pure and free of zod, so client components may import it.

export const REPORT_REASONS = ["WRONG_KEY", "UNCLEAR", "OUTDATED", "TYPO", "OTHER"] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

export const REPORT_STATUSES = ["OPEN", "FIXED", "REJECTED", "DUPLICATE"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** How staff close a report. */
export const RESOLUTIONS = ["FIXED", "REJECTED", "DUPLICATE"] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

export const REASON_LABEL: Record<ReportReason, string> = {
  WRONG_KEY: "The answer shown as right is wrong",
  UNCLEAR: "The question is unclear",
  OUTDATED: "It is out of date",
  TYPO: "Typo or formatting",
  OTHER: "Something else",
};

/** Short names for lists and filters. */
export const REASON_SHORT: Record<ReportReason, string> = {
  WRONG_KEY: "Wrong key",
  UNCLEAR: "Unclear",
  OUTDATED: "Outdated",
  TYPO: "Typo",
  OTHER: "Other",
};

export const STATUS_LABEL: Record<ReportStatus, string> = {
  OPEN: "Open",
  FIXED: "Fixed in the content",
  REJECTED: "Rejected",
  DUPLICATE: "Duplicate",
};

export const REPORT_COMMENT_MAX_LENGTH = 1000;
export const RESOLUTION_NOTE_MAX_LENGTH = 1000;

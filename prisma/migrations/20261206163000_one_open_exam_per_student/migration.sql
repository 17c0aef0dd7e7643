-- A student has at most one open exam of each exam-length mode that they
-- started themselves (assignments have their own rule). Starting one is then
-- an INSERT ... ON CONFLICT DO NOTHING with no transaction and no lock
-- (lib/exams/insert-attempt.ts): a double click or a second tab loses the
-- insert and resumes the winner's attempt. Until now an advisory lock held in
-- a transaction kept this rule, so no existing data breaks it. Prisma's schema
-- language cannot state a partial index, so this migration is its only home.
CREATE UNIQUE INDEX "Attempt_one_open_exam_per_student"
  ON "Attempt" ("userId", mode)
  WHERE status = 'IN_PROGRESS' AND "assignmentId" IS NULL AND mode IN ('MOCK', 'FINAL_MOCK', 'REVIEW_EXAM');

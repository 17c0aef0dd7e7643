-- Evidence (mastery, review cards, daily activity) moves from the grading
-- transaction to a background job, keyed by attempt. This column says the job
-- ran, so a retry records nothing twice.
ALTER TABLE "Attempt" ADD COLUMN     "learningRecordedAt" TIMESTAMP(3);

-- Attempts graded before this migration recorded their evidence while grading.
UPDATE "Attempt" SET "learningRecordedAt" = "gradedAt" WHERE "gradedAt" IS NOT NULL;

-- CreateIndex
CREATE INDEX "Attempt_learningRecordedAt_gradedAt_idx" ON "Attempt"("learningRecordedAt", "gradedAt");

-- CreateEnum
CREATE TYPE "QuestionReportReason" AS ENUM ('WRONG_KEY', 'UNCLEAR', 'OUTDATED', 'TYPO', 'OTHER');

-- CreateEnum
CREATE TYPE "QuestionReportStatus" AS ENUM ('OPEN', 'FIXED', 'REJECTED', 'DUPLICATE');

-- CreateTable
CREATE TABLE "QuestionReport" (
    "id" TEXT NOT NULL,
    "reporterId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "questionVersion" INTEGER NOT NULL,
    "attemptId" TEXT,
    "position" INTEGER,
    "reason" "QuestionReportReason" NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "status" "QuestionReportStatus" NOT NULL DEFAULT 'OPEN',
    "open" BOOLEAN DEFAULT true,
    "resolutionNote" TEXT,
    "resolvedById" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "QuestionReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "QuestionReport_status_createdAt_idx" ON "QuestionReport"("status", "createdAt");

-- CreateIndex
CREATE INDEX "QuestionReport_questionId_status_idx" ON "QuestionReport"("questionId", "status");

-- CreateIndex
CREATE INDEX "QuestionReport_reporterId_createdAt_idx" ON "QuestionReport"("reporterId", "createdAt");

-- CreateIndex
CREATE INDEX "QuestionReport_attemptId_position_idx" ON "QuestionReport"("attemptId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "QuestionReport_reporterId_questionId_reason_open_key" ON "QuestionReport"("reporterId", "questionId", "reason", "open");

-- AddForeignKey
ALTER TABLE "QuestionReport" ADD CONSTRAINT "QuestionReport_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuestionReport" ADD CONSTRAINT "QuestionReport_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuestionReport" ADD CONSTRAINT "QuestionReport_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuestionReport" ADD CONSTRAINT "QuestionReport_attemptId_position_fkey" FOREIGN KEY ("attemptId", "position") REFERENCES "AttemptItem"("attemptId", "position") ON DELETE SET NULL ON UPDATE CASCADE;


-- "open" is true exactly while the report is open (the unique index above allows one open report per student, question and reason)
ALTER TABLE "QuestionReport" ADD CONSTRAINT "QuestionReport_open_check" CHECK (("status" = 'OPEN' AND "open" = true) OR ("status" <> 'OPEN' AND "open" IS NULL));

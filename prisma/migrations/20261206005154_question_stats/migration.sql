-- CreateTable
CREATE TABLE "QuestionStat" (
    "questionId" TEXT NOT NULL,
    "answerCount" INTEGER NOT NULL DEFAULT 0,
    "rightCount" INTEGER NOT NULL DEFAULT 0,
    "facility" DOUBLE PRECISION,
    "answeredByCount" INTEGER NOT NULL DEFAULT 0,
    "discrimination" DOUBLE PRECISION,
    "choiceCounts" JSONB NOT NULL DEFAULT '{}',
    "fittedDifficulty" DOUBLE PRECISION,
    "fittedDifficultySe" DOUBLE PRECISION,
    "fitAnswerCount" INTEGER NOT NULL DEFAULT 0,
    "flags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "QuestionStat_pkey" PRIMARY KEY ("questionId")
);

-- CreateIndex
CREATE INDEX "QuestionStat_facility_idx" ON "QuestionStat"("facility");

-- CreateIndex
CREATE INDEX "QuestionStat_discrimination_idx" ON "QuestionStat"("discrimination");

-- CreateIndex
CREATE INDEX "QuestionStat_answerCount_idx" ON "QuestionStat"("answerCount");

-- AddForeignKey
ALTER TABLE "QuestionStat" ADD CONSTRAINT "QuestionStat_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question"("id") ON DELETE CASCADE ON UPDATE CASCADE;


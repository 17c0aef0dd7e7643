-- CreateTable
CREATE TABLE "PendingLearning" (
    "attemptId" TEXT NOT NULL,
    "runAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PendingLearning_pkey" PRIMARY KEY ("attemptId")
);

-- AddForeignKey
ALTER TABLE "PendingLearning" ADD CONSTRAINT "PendingLearning_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "Attempt"("id") ON DELETE CASCADE ON UPDATE CASCADE;


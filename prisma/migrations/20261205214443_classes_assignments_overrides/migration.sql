-- CreateEnum
CREATE TYPE "ReviewContent" AS ENUM ('SCORE', 'SCORE_AND_DOMAINS', 'FULL');

-- CreateEnum
CREATE TYPE "ReviewTiming" AS ENUM ('IMMEDIATELY', 'AFTER_DUE');

-- AlterEnum
ALTER TYPE "AttemptMode" ADD VALUE 'ASSIGNMENT';

-- AlterTable
ALTER TABLE "Class" ADD COLUMN     "description" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN     "reviewContent" "ReviewContent" NOT NULL DEFAULT 'FULL',
ADD COLUMN     "reviewTiming" "ReviewTiming" NOT NULL DEFAULT 'IMMEDIATELY',
ALTER COLUMN "timeLimitMinutes" DROP NOT NULL;

-- AlterTable
ALTER TABLE "Accommodation" ALTER COLUMN "timeMultiplier" DROP NOT NULL;

-- CreateTable
CREATE TABLE "AssignmentOverride" (
    "assignmentId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3),
    "timeLimitMinutes" INTEGER,
    "untimed" BOOLEAN NOT NULL DEFAULT false,
    "attemptsAllowed" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AssignmentOverride_pkey" PRIMARY KEY ("assignmentId","userId")
);

-- CreateIndex
CREATE INDEX "AssignmentOverride_userId_idx" ON "AssignmentOverride"("userId");

-- AddForeignKey
ALTER TABLE "AssignmentOverride" ADD CONSTRAINT "AssignmentOverride_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssignmentOverride" ADD CONSTRAINT "AssignmentOverride_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


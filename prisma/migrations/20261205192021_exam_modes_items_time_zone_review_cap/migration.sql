-- CreateEnum
CREATE TYPE "ItemKind" AS ENUM ('CHOICE', 'ORDERING', 'MATCHING', 'NUMERIC');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "AttemptMode" ADD VALUE 'REVIEW_EXAM';
ALTER TYPE "AttemptMode" ADD VALUE 'FINAL_MOCK';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "newCardsPerDay" INTEGER NOT NULL DEFAULT 20,
ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'UTC';

-- AlterTable
ALTER TABLE "Attempt" ADD COLUMN     "pausedAt" TIMESTAMP(3),
ADD COLUMN     "remainingMs" INTEGER;

-- AlterTable
ALTER TABLE "AttemptItem" ADD COLUMN     "kind" "ItemKind" NOT NULL DEFAULT 'CHOICE';


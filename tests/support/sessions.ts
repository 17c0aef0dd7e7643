// Server-side session rows for tests that call the hot save path directly.
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export async function createTestSession(db: PrismaClient, userId: string, now = new Date()): Promise<string> {
  const id = randomBytes(16).toString("base64url");
  await db.authSession.create({ data: { id, userId, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + 30 * 86_400_000) } });
  return id;
}

// Outgoing mail. A message is first written to the MailMessage table (in the
// caller's transaction, so mail goes out only for what was committed), then
// delivered: over SMTP (nodemailer) when SMTP_URL is set, else into the local
// outbox folder (STRATUS_LOCAL_OUTBOX, set by `npm start` on the embedded
// default), where /outbox shows it. Undelivered messages are retried by the
// scheduled jobs.
import "server-only";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import type { Db, Prisma } from "@/lib/db";
import { serverEnv } from "@/lib/env";

export type OutgoingMail = { to: string; subject: string; text: string };

export async function enqueueMail(db: Db | Prisma.TransactionClient, mail: OutgoingMail): Promise<string> {
  const row = await db.mailMessage.create({ data: mail, select: { id: true } });
  return row.id;
}

type Transport = { deliver(mail: OutgoingMail & { id: string; createdAt: Date }): Promise<void> };

let smtp: nodemailer.Transporter | undefined;

function transport(): Transport | null {
  const env = serverEnv();
  if (env.SMTP_URL) {
    smtp ??= nodemailer.createTransport(env.SMTP_URL);
    return {
      async deliver(mail) {
        await smtp!.sendMail({ from: env.SMTP_FROM, to: mail.to, subject: mail.subject, text: mail.text });
      },
    };
  }
  if (env.STRATUS_LOCAL_OUTBOX) {
    const folder = env.STRATUS_LOCAL_OUTBOX;
    return {
      async deliver(mail) {
        await mkdir(folder, { recursive: true });
        const stamp = mail.createdAt.toISOString().replace(/[:.]/g, "-");
        const body = `From: ${env.SMTP_FROM}\nTo: ${mail.to}\nDate: ${mail.createdAt.toUTCString()}\nSubject: ${mail.subject}\n\n${mail.text}\n`;
        await writeFile(path.join(folder, `${stamp}-${mail.id}.eml`), body, { mode: 0o600 });
      },
    };
  }
  return null;
}

/** Sends what is waiting (oldest first). Returns how many went out. Safe to run concurrently: each row is claimed. */
export async function deliverPendingMail(db: Db, options: { limit?: number } = {}): Promise<number> {
  const sender = transport();
  if (!sender) return 0;
  const pending = await db.mailMessage.findMany({
    where: { sentAt: null, attempts: { lt: 10 } },
    orderBy: { createdAt: "asc" },
    take: options.limit ?? 50,
    select: { id: true, to: true, subject: true, text: true, createdAt: true, attempts: true },
  });
  let sent = 0;
  for (const mail of pending) {
    // Claim the row so two workers never send the same message.
    const claimed = await db.mailMessage.updateMany({ where: { id: mail.id, sentAt: null, attempts: mail.attempts }, data: { attempts: { increment: 1 } } });
    if (claimed.count === 0) continue;
    try {
      await sender.deliver(mail);
      await db.mailMessage.update({ where: { id: mail.id }, data: { sentAt: new Date(), lastError: null } });
      sent++;
    } catch (error) {
      await db.mailMessage.update({ where: { id: mail.id }, data: { lastError: String((error as Error).message).slice(0, 500) } });
    }
  }
  return sent;
}

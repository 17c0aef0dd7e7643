// The local outbox folder, read back for the /outbox page (embedded default only).
import "server-only";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { serverEnv } from "@/lib/env";

export type OutboxMessage = { file: string; to: string; subject: string; date: string; text: string };

/** Null when mail does not go to a local folder (then the page does not exist). */
export function localOutboxFolder(): string | null {
  const env = serverEnv();
  return !env.SMTP_URL && env.STRATUS_LOCAL_OUTBOX ? env.STRATUS_LOCAL_OUTBOX : null;
}

export async function readLocalOutbox(folder: string, limit = 20): Promise<OutboxMessage[]> {
  let files: string[];
  try {
    files = (await readdir(folder)).filter((f) => f.endsWith(".eml"));
  } catch {
    return [];
  }
  files.sort().reverse();
  return Promise.all(
    files.slice(0, limit).map(async (file) => {
      const raw = await readFile(path.join(folder, file), "utf8");
      const [head = "", ...body] = raw.split("\n\n");
      const header = (name: string) => new RegExp(`^${name}: (.*)$`, "m").exec(head)?.[1] ?? "";
      return { file, to: header("To"), subject: header("Subject"), date: header("Date"), text: body.join("\n\n").trim() };
    }),
  );
}

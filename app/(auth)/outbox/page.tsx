// The local outbox: mail this copy of Stratus would have sent, on the embedded
// default only (no SMTP server configured), and only to a browser on this machine.
import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { localOutboxFolder, readLocalOutbox } from "@/lib/mail/local-outbox";

export const metadata: Metadata = { title: "Local outbox", referrer: "no-referrer" };

const LOOPBACK = new Set(["127.0.0.1", "::1"]);

function linkify(text: string) {
  return text.split(/(https?:\/\/\S+)/g).map((part, i) =>
    /^https?:\/\//.test(part) ? (
      <a key={i} href={part} className="break-all font-medium text-brand-700 underline dark:text-brand-300">
        {part}
      </a>
    ) : (
      <span key={i}>{part}</span>
    ),
  );
}

export default async function OutboxPage() {
  const folder = localOutboxFolder();
  if (!folder || !LOOPBACK.has(clientIpFrom(await headers()))) notFound();
  const messages = await readLocalOutbox(folder);
  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">Local outbox</h1>
      <p className="mb-6 text-sm text-[var(--text-muted)]">
        No mail server is configured, so mail is written to <code className="break-all">{folder}</code>. Newest first.
      </p>
      {messages.length === 0 ? (
        <p className="text-sm">No messages yet.</p>
      ) : (
        <ol className="space-y-4">
          {messages.map((m) => (
            <li key={m.file} className="rounded-lg border border-[var(--border)] p-4">
              <h2 className="font-semibold">{m.subject}</h2>
              <p className="text-xs text-[var(--text-muted)]">
                To {m.to} · {m.date}
              </p>
              <p className="mt-3 whitespace-pre-wrap text-sm">{linkify(m.text)}</p>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

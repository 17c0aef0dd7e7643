// Beyond one machine (docs/deploy.md): two Stratus instances behind nginx over
// one PostgreSQL. A student sits a mock in Chromium while nginx alternates
// their requests between the instances; mid-exam one instance is killed with
// SIGKILL (and comes back), PostgreSQL is restarted, and a new build is
// deployed to one instance. Nothing the server acknowledged is lost, the
// runner recovers by itself (nobody reloads the page), and the attempt is
// graded once, its learning recorded once. `npm run test:cluster`.
import { createHash, randomUUID } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Page, type Response, expect, test } from "@playwright/test";
import { hashPassword } from "@/lib/auth/password";
import { createPrismaClient } from "@/lib/database/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { signInViaApi } from "../support/fixtures";
import { answerCurrent } from "../support/answers";
import { saveState } from "../support/runner";
import { type Build, Instance, Nginx, PrivatePostgres, buildApp, root } from "./cluster";

const basePort = Number(process.env.STRATUS_CLUSTER_PORT ?? 3180);
const pgPort = Number(process.env.STRATUS_CLUSTER_PG_PORT ?? 5440);
const work = path.join(os.tmpdir(), `stratus-cluster-${basePort}`);
// Every instance and both builds share one server-action key (as every task of a service would).
// Fixed, so a reused build was made with the key the instances run with.
const encryptionKey = createHash("sha256").update("stratus cluster test").digest("base64");
const buildA: Build = { distDir: ".next-cluster-a", deploymentId: "cluster-a" };
const buildB: Build = { distDir: ".next-cluster-b", deploymentId: "cluster-b" };

let postgres: PrivatePostgres;
let nginx: Nginx;
let instances: [Instance, Instance];
let db: PrismaClient;

test.beforeAll(async () => {
  test.setTimeout(30 * 60_000);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(path.join(work, "logs"), { recursive: true });
  // The two builds: what runs now, and the deploy that arrives mid-exam.
  await buildApp(buildA, encryptionKey);
  await buildApp(buildB, encryptionKey);

  postgres = new PrivatePostgres(path.join(work, "pg"), pgPort);
  await postgres.create();
  nginx = new Nginx(path.join(work, "nginx"), basePort, [basePort + 1, basePort + 2]);
  instances = [1, 2].map(
    (n) =>
      new Instance({
        name: `instance-${n}`,
        port: basePort + n,
        databaseUrl: postgres.url,
        publicUrl: nginx.url,
        build: buildA,
        encryptionKey,
        logDir: path.join(work, "logs"),
      }),
  ) as [Instance, Instance];
  // One after the other: the first applies the migrations and syncs the content.
  await instances[0].start();
  await instances[1].start();
  nginx.publish(buildA);
  await nginx.start();
  db = createPrismaClient({ url: postgres.url, max: 2 });
});

test.afterAll(async () => {
  await db?.$disconnect();
  nginx?.stop();
  await Promise.all((instances ?? []).map((i) => i.stop()));
  await postgres?.stop();
});

/** Every answer save the server acknowledged, as the browser saw it. */
type Ack = { position: number; seq: string; chosenKeys: string[]; upstream: string };

/**
 * Every save the page sent (on its own or carried by the submit), and those the
 * server acknowledged as saved. A save whose answer was lost on the way back
 * (an instance killed mid-response) may be stored without an acknowledgement
 * the page saw: what the page sent is the answer sheet for what is stored.
 */
function watchSaves(page: Page): { acks: Ack[]; failed: number[]; sent: Map<string, string[]> } {
  const acks: Ack[] = [];
  const failed: number[] = [];
  const sent = new Map<string, string[]>();
  const route = /\/api\/attempts\/[^/]+\/(answers|submit)$/;
  page.on("request", (request) => {
    if (!route.test(request.url())) return;
    const saves = (request.postDataJSON() as { saves?: Array<{ position: number; chosenKeys: string[]; seq: string }> } | null)?.saves ?? [];
    for (const save of saves) sent.set(`${save.position}@${save.seq}`, save.chosenKeys);
  });
  page.on("requestfailed", (request) => {
    if (/\/api\/attempts\/[^/]+\/answers$/.test(request.url())) failed.push(0);
  });
  page.on("response", async (response: Response) => {
    if (!route.test(response.url())) return;
    if (response.status() !== 200) {
      if (response.url().endsWith("/answers")) failed.push(response.status());
      return;
    }
    const saves = (response.request().postDataJSON() as { saves?: Array<{ position: number; chosenKeys: string[]; seq: string }> }).saves ?? [];
    // The answers route replies with `results`, the submit with `saves`.
    type Result = { position: number; status: string; seq: string };
    const body = (await response.json().catch(() => null)) as { results?: Result[]; saves?: Result[] } | null;
    for (const result of [...(body?.results ?? []), ...(body?.saves ?? [])]) {
      // The server acknowledges the change it holds: "saved" this one, or "stale" when it
      // already holds this seq or a later one, as when a first try was stored but its
      // answer was lost to a fault and the runner sent it again (answer-queue.ts reads
      // both alike). Either way the page sent that seq's answer.
      const sentHere = saves.find((s) => s.position === result.position);
      if (!sentHere || (result.status !== "saved" && result.status !== "stale")) continue;
      if (BigInt(result.seq) < BigInt(sentHere.seq)) continue;
      const chosenKeys = sent.get(`${result.position}@${result.seq}`);
      if (chosenKeys) acks.push({ position: result.position, seq: result.seq, chosenKeys, upstream: response.headers()["x-stratus-upstream"] ?? "" });
    }
  });
  return { acks, failed, sent };
}

async function answerQuestions(page: Page, from: number, to: number, during?: { at: number; fault: () => Promise<void> }) {
  let fault: Promise<void> | undefined;
  for (let q = from; q <= to; q++) {
    await expect(page.getByRole("heading", { name: `Question ${q} of 65` })).toBeVisible();
    await answerCurrent(page);
    // The fault strikes while this answer's save may be in flight; the student goes on.
    if (during && q === during.at) fault = during.fault();
    await page.getByRole("button", { name: "Next →" }).click();
  }
  await fault;
}

test("a mock survives a killed instance, a PostgreSQL restart and a deploy, with requests alternating between instances", async ({ page }) => {
  test.setTimeout(15 * 60_000);
  const suffix = randomUUID().slice(0, 8);
  const user = { id: `cluster-${suffix}`, email: `cluster-${suffix}@example.com`, password: `pass-${suffix}-word` };
  await db.user.create({ data: { id: user.id, email: user.email, name: "Cluster Student", passwordHash: await hashPassword(user.password) } });

  // baseURL is nginx (playwright.cluster.config.ts).
  await signInViaApi(page.request, user.email, user.password);
  const { acks, failed, sent } = watchSaves(page);
  await page.goto("/exams");
  await page.getByRole("button", { name: "Start a mock exam" }).click();
  await expect(page).toHaveURL(/\/attempts\/[\w-]+$/);
  const attemptId = page.url().split("/attempts/")[1]!;

  // Both instances up: questions 1–10.
  await answerQuestions(page, 1, 10);

  // SIGKILL instance 1 mid-exam, then it comes back (a new task replacing the dead one).
  await answerQuestions(page, 11, 20, {
    at: 12,
    fault: async () => {
      instances[0].kill();
    },
  });
  await instances[0].start();

  // PostgreSQL restarts mid-exam: every connection of both instances is cut.
  await answerQuestions(page, 21, 30, { at: 23, fault: () => postgres.restart() });

  // A rolling deploy: instance 2 stops and comes back on the new build, while the student answers.
  await answerQuestions(page, 31, 40, {
    at: 32,
    fault: async () => {
      nginx.publish(buildB);
      await instances[1].stop();
      await instances[1].start(buildB);
    },
  });
  await answerQuestions(page, 41, 45);

  // The runner catches up by itself: nobody reloads, nobody clicks retry.
  await expect(saveState(page)).toHaveText(/All answers saved/, { timeout: 60_000 });

  // Submit through the page; the results come from whichever instance nginx picks.
  await page.getByRole("button", { name: "Review and submit" }).click();
  await expect(page.getByText(/^45 of 65 answered · /)).toBeVisible();
  await page.getByRole("button", { name: "Submit exam" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Submit" }).click();
  await expect(page).toHaveURL(new RegExp(`/attempts/${attemptId}/results$`), { timeout: 30_000 });
  await expect(page.getByRole("heading", { name: "Mock exam results" })).toBeVisible();

  // The faults were felt: saves failed while PostgreSQL was away, and the runner sent them again.
  expect(failed.length, "saves that failed and were retried").toBeGreaterThan(0);
  console.log(`[cluster] ${acks.length} saves acknowledged, ${failed.length} failed and retried (${[...new Set(failed)].join(", ")})`);

  // Requests alternated: both instances acknowledged saves.
  const upstreams = new Set(acks.map((a) => a.upstream.split(",").pop()!.trim()));
  expect(upstreams, "instances that acknowledged saves").toEqual(new Set([`127.0.0.1:${basePort + 1}`, `127.0.0.1:${basePort + 2}`]));

  // Zero acknowledged answers lost: each position holds its latest acknowledged answer.
  const items = await db.attemptItem.findMany({ where: { attemptId }, select: { position: true, chosenKeys: true, saveSeq: true, correct: true } });
  const latest = new Map<number, Ack>();
  for (const ack of acks) if (!latest.has(ack.position) || BigInt(ack.seq) > BigInt(latest.get(ack.position)!.seq)) latest.set(ack.position, ack);
  expect(latest.size).toBe(45);
  for (const [position, ack] of latest) {
    const item = items.find((i) => i.position === position)!;
    // The latest acknowledged answer, or a later one the page sent whose acknowledgement a fault swallowed.
    expect(item.saveSeq >= BigInt(ack.seq), `position ${position}: stored seq ${item.saveSeq} < acknowledged ${ack.seq}`).toBe(true);
    expect(item.chosenKeys, `position ${position}`).toEqual(sent.get(`${position}@${item.saveSeq}`));
  }
  expect(items.filter((i) => i.chosenKeys.length > 0)).toHaveLength(45);

  // Graded once, and its learning recorded once by one of the workers.
  const attempt = await db.attempt.findUniqueOrThrow({ where: { id: attemptId } });
  expect(attempt.status).toBe("SUBMITTED");
  expect(items.every((i) => i.correct !== null)).toBe(true);
  await expect
    .poll(async () => (await db.attempt.findUniqueOrThrow({ where: { id: attemptId } })).learningRecordedAt, { timeout: 30_000 })
    .not.toBeNull();
  const activity = await db.dailyActivity.aggregate({ where: { userId: user.id }, _sum: { answered: true } });
  expect(activity._sum.answered).toBe(45);
  const evidence = await db.mastery.aggregate({ where: { userId: user.id, scope: "TASK_STATEMENT" }, _sum: { evidence: true } });
  expect(evidence._sum.evidence).toBe(45);
});

test.afterAll(() => {
  // Logs of every process stay in the temporary folder for a failed run.
  console.log(`[cluster] logs in ${work}/logs, ${work}/nginx, ${work}/pg (root ${root})`);
});

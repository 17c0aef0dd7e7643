// Submit storm: 1,000 mock attempts share one deadline. Each student's last
// answer is saved, then the attempt submitted at a moment within 5 s of the
// deadline (2.5 s at density 2), as the runner does: the submit does not wait
// for the last save's answer, it carries that save when it is not acknowledged
// yet; 5% submit twice (a double click or retry carrying the same queue, both
// in flight); 5% send a save after deadline + grace. 5% of students also save from a second tab 0–100 ms
// after their submit left, the case where an acknowledged save could miss the
// grade (tests/integration/attempts.integration.test.ts forces that
// interleaving deterministically). Then SQL checks every attempt was graded
// exactly once, from exactly what was acknowledged, that nothing was stored past
// deadline + grace, and that no on-time save or submit was refused or expired.
import { performance } from "node:perf_hooks";
import { type BenchContext, appRequest, inBatches, jsonHeaders, measureQuietly, medianRunIndex, shuffledIndices, sleep, withCpu } from "../context";
import type { CpuReport } from "../cpu";
import { type OpenAttempt, STUDENT_PREFIX, openAttempts, resetBenchAttempts, vacuum } from "../database";
import { type HttpResponse, type LatencySummary, openLoop, seeded, summarise, tally } from "../load";

const PREFILLED = 60; // answers 0..59 are in the database before the storm; 60..64 are saved during it

/** `sentAt`: wall-clock ms when the request left the load generator. */
type SaveRecord = { kind: "final" | "late" | "race"; student: number; attemptId: string; position: number; chosenKeys: string[]; seq: string; sentAt?: number; response?: HttpResponse };
/** `carried`: the final save this submit carried (the runner sends what is not acknowledged yet with the submit). */
type SubmitRecord = { student: number; attemptId: string; duplicate: boolean; carried?: SaveRecord; sentAt?: number; response?: HttpResponse };

export type SubmitStormRun = {
  students: number;
  deadlineLeadSeconds: number;
  graceSeconds: number;
  windowSeconds: [number, number];
  setup: { startSeconds: number; prefilledAnswers: number };
  submit: { latency: LatencySummary; statuses: Record<string, number>; count: number; duplicates: number };
  finalSave: { latency: LatencySummary; statuses: Record<string, number>; acks: Record<string, number> };
  lateSave: { count: number; statuses: Record<string, number> };
  raceSave: { count: number; statuses: Record<string, number>; acks: Record<string, number> };
  verify: {
    attempts: number;
    submitted: number;
    expired: number;
    stillOpen: number;
    gradedAtSet: number;
    /** Students whose mastery evidence exceeds what one grading of their attempt adds (graded more than once). */
    masteryOver: number;
    /** Students whose evidence is short of their stored answers (answers stored after the grade was taken). */
    masteryUnder: number;
    itemCorrectMismatch: number;
    rawScoreMismatch: number;
    answeredAfterCutoff: number;
    ackedSaves: number;
    ackedLost: number;
    ackedMissingFromGrade: number;
    ackedMissingFromGradeByKind: Record<string, number>;
    lateAccepted: number;
    lateStored: number;
    gradedOncePerApi: number;
    apiGradedTwice: number;
    /** Last saves that left the client before the deadline and were acknowledged neither by their own request nor by a submit carrying them. */
    onTimeSavesRefused: number;
    /** Final saves a submit carried (not acknowledged when the submit left), and how many of them the submit applied. */
    carriedSaves?: number;
    /** On-time last saves never acknowledged (the load generator gave up after 30 s) that the database holds all the same. */
    onTimeSavesUnanswered?: number;
    carriedApplied?: number;
    /** Attempts graded EXPIRED although a submit of theirs left the client by deadline + grace. */
    onTimeSubmitsExpired: number;
    /** Seconds the learning jobs took to drain after the storm, and jobs still queued when the check gave up (240 s). */
    learningDrainSeconds?: number;
    learningJobsLeft?: number;
    /** Submits that left the client after deadline + grace (the load generator's own lag; the runner no longer waits before submitting). */
    submitsSentLate: number;
  };
  cpu: CpuReport;
  retries?: number;
  /** CPU calibration before the measurement (ms for fixed work; higher = slower machine at that moment). */
  calibrationMs?: number;
};

export type SubmitStormResult = {
  /** 1 = 1,000 submits in 5 s; 2 = the same in 2.5 s. */
  density: number;
  targets: { submitP99Ms: number };
  runs: SubmitStormRun[];
  medianRun: number;
  met: { gradedOnce: boolean; submitP99: boolean; nothingAfterGrace: boolean; noAckLost: boolean; lateRefused: boolean; onTime: boolean };
};

async function createAttempts(ctx: BenchContext): Promise<number> {
  const started = Date.now();
  const made = await inBatches(ctx.cookies, 16, async (cookie) => {
    for (let tries = 0; tries < 3; tries++) {
      const r = await appRequest(ctx, { method: "POST", path: "/api/bench/start", headers: jsonHeaders(cookie), body: '{"mode":"MOCK"}' });
      if (r.status === 200) return true;
    }
    return false;
  });
  if (made.some((ok) => !ok)) throw new Error("submit storm: could not start every attempt");
  return (Date.now() - started) / 1000;
}

/** `reuseAttempts`: the students' open mocks already exist (the class storm started them); otherwise they are started here. */
export async function submitStormRun(ctx: BenchContext, run: number, density: number, reuseAttempts = false): Promise<SubmitStormRun> {
  let startSeconds = 0;
  if (!reuseAttempts) {
    await resetBenchAttempts(ctx.sql);
    await vacuum(ctx.dbUrl);
    startSeconds = await createAttempts(ctx);
  } else {
    // Students whose start did not get through (timed out in the storm) start now, outside the measurement.
    const open = new Set((await openAttempts(ctx.sql)).map((a) => a.userId));
    const missing = ctx.students.flatMap((s, i) => (open.has(s.id) ? [] : [ctx.cookies[i]!]));
    if (missing.length) startSeconds = await createAttempts({ ...ctx, cookies: missing });
  }
  const prefill = await ctx.sql.query(
    `UPDATE "AttemptItem" ai
     SET "chosenKeys" = ARRAY[ai."choiceOrder"[1 + abs(hashtext(ai."attemptId" || ai.position::text)) % cardinality(ai."choiceOrder")]],
         "saveSeq" = 1, "answeredAt" = now(), "timeSpentMs" = 60000
     FROM "Attempt" a
     WHERE a.id = ai."attemptId" AND a."userId" LIKE '${STUDENT_PREFIX}%' AND ai.position < ${PREFILLED}`,
  );
  await vacuum(ctx.dbUrl);
  const attempts = await openAttempts(ctx.sql);
  const byUser = new Map(attempts.map((a) => [a.userId, a]));
  const n = ctx.students.length;
  const attemptOf = (i: number): OpenAttempt => byUser.get(ctx.students[i]!.id)!;

  const random = seeded(31_000 + run);
  const leadMs = 7_000;
  const graceMs = ctx.graceSeconds * 1000;
  const deadline = new Date(Date.now() + leadMs);
  await ctx.sql.query(`UPDATE "Attempt" SET deadline = $1 WHERE "userId" LIKE '${STUDENT_PREFIX}%' AND status = 'IN_PROGRESS'`, [deadline]);
  const deadlinePerf = performance.now() + (deadline.getTime() - Date.now());
  const startAt = deadlinePerf - leadMs + 500;

  const order = shuffledIndices(n, random);
  const share = Math.round(n * 0.05);
  const duplicates = new Set(order.slice(0, share));
  const late = new Set(order.slice(share, 2 * share));
  const racers = new Set(order.slice(2 * share, 3 * share));

  type Event = { at: number; kind: "final" | "submit" | "duplicate" | "late"; run: () => Promise<unknown> };
  const events: Event[] = [];
  const saves: SaveRecord[] = [];
  const submits: SubmitRecord[] = [];
  const raceSends: Array<Promise<unknown>> = [];
  const pick = (a: OpenAttempt, position: number) => {
    const item = a.items[position]!;
    return [item.choiceOrder[Math.floor(random() * item.choiceOrder.length)]!];
  };
  const sendSave = (record: SaveRecord) => {
    record.seq = ctx.seq.next();
    record.sentAt = Date.now();
    return appRequest(ctx, {
      method: "POST",
      path: `/api/attempts/${record.attemptId}/answers`,
      headers: jsonHeaders(ctx.cookies[record.student]),
      body: JSON.stringify({
        saves: [{ position: record.position, chosenKeys: record.chosenKeys, flagged: false, unsure: false, timeSpentMs: 90_000, seq: record.seq }],
      }),
    }).then((response) => (record.response = response));
  };
  // The submit carries the final save when that save has not been acknowledged (no answer yet, or not "saved"),
  // exactly as the runner sends its unacknowledged queue with the submit instead of waiting for it.
  const sendSubmit = (record: SubmitRecord, final: SaveRecord) => {
    record.sentAt = Date.now();
    if (final.seq && ackOf(final.response) !== "saved" && ackOf(final.response) !== "stale") record.carried = final;
    const saves = record.carried
      ? [{ position: final.position, chosenKeys: final.chosenKeys, flagged: false, unsure: false, timeSpentMs: 90_000, seq: final.seq }]
      : [];
    return appRequest(ctx, {
      method: "POST",
      path: `/api/attempts/${record.attemptId}/submit`,
      headers: jsonHeaders(ctx.cookies[record.student]),
      body: JSON.stringify({ saves }),
    }).then((response) => (record.response = response));
  };

  const windowMs: [number, number] = [-4_500 / density, 500 / density];
  for (let i = 0; i < n; i++) {
    const a = attemptOf(i);
    const submitAt = deadlinePerf + windowMs[0] + random() * (windowMs[1] - windowMs[0]);
    const finalPosition = PREFILLED + (i % 5);
    const final: SaveRecord = { kind: "final", student: i, attemptId: a.attemptId, position: finalPosition, chosenKeys: pick(a, finalPosition), seq: "" };
    saves.push(final);
    events.push({ at: submitAt - 200 - random() * 800, kind: "final", run: () => sendSave(final) });
    const submit: SubmitRecord = { student: i, attemptId: a.attemptId, duplicate: false };
    submits.push(submit);
    const race: SaveRecord | null = racers.has(i)
      ? { kind: "race", student: i, attemptId: a.attemptId, position: PREFILLED + ((i + 1) % 5), chosenKeys: [], seq: "" }
      : null;
    if (race) {
      race.chosenKeys = pick(a, race.position);
      saves.push(race);
    }
    // The submit leaves at its moment, without waiting for the final save's answer (it carries that save if unanswered).
    // A racer's second tab saves 0–100 ms after the submit left, while it is being graded.
    events.push({
      at: submitAt,
      kind: "submit",
      run: () => {
        const sent = sendSubmit(submit, final);
        if (race) raceSends.push(sleep(random() * 100).then(() => sendSave(race)));
        return sent;
      },
    });
    if (duplicates.has(i)) {
      const second: SubmitRecord = { student: i, attemptId: a.attemptId, duplicate: true };
      submits.push(second);
      events.push({ at: submitAt + random() * 300, kind: "duplicate", run: () => sendSubmit(second, final) });
    }
    if (late.has(i)) {
      const position = random() < 0.5 ? 0 : PREFILLED + ((i + 2) % 5);
      const lateSave: SaveRecord = { kind: "late", student: i, attemptId: a.attemptId, position, chosenKeys: pick(a, position), seq: "" };
      saves.push(lateSave);
      events.push({ at: deadlinePerf + graceMs + 500 + random() * 2_000, kind: "late", run: () => sendSave(lateSave) });
    }
  }
  events.sort((x, y) => x.at - y.at);
  ctx.log(`submit storm (density ${density}) run ${run + 1}: ${n} attempts started in ${startSeconds.toFixed(1)} s; deadline in ${((deadline.getTime() - Date.now()) / 1000).toFixed(1)} s`);
  // The CPU report covers the burst: from the storm's first request until every final save
  // and submit is answered, not the quiet lead-in nor the late saves after deadline + grace.
  await sleep(events[0]!.at - performance.now() - 50);
  const inBurst = (e: Event) => e.kind !== "late";
  let burstLeft = events.filter(inBurst).length;
  const { value: fired, cpu } = await withCpu(ctx, {}, async (cut) => {
    const done = await openLoop({
      startAt,
      offsetsMs: events.map((e) => e.at - startAt),
      fire: (i) =>
        events[i]!.run().finally(() => {
          if (inBurst(events[i]!) && --burstLeft === 0) cut();
        }),
    });
    await Promise.all(raceSends);
    return done;
  });
  // Latency from each request's scheduled moment.
  const latencyOf = (kinds: Event["kind"][]) => summarise(fired.filter((f) => kinds.includes(events[f.index]!.kind)).map((f) => f.doneAt - f.scheduledAt));
  return verify(ctx, {
    deadline,
    graceMs,
    saves,
    submits,
    cpu,
    startSeconds,
    prefilled: prefill.rowCount ?? 0,
    windowMs,
    leadMs,
    submitLatency: latencyOf(["submit", "duplicate"]),
    finalLatency: latencyOf(["final"]),
  });
}

const statusOf = (r?: HttpResponse) => (r ? (r.status ? String(r.status) : (r.error ?? "error")) : "not sent");
const ackOf = (r?: HttpResponse): string => {
  if (!r || r.status !== 200) return `http ${statusOf(r)}`;
  const body = JSON.parse(r.body) as { results?: Array<{ status: string }> };
  return body.results?.[0]?.status ?? "no result";
};

async function verify(
  ctx: BenchContext,
  o: {
    deadline: Date;
    graceMs: number;
    saves: SaveRecord[];
    submits: SubmitRecord[];
    cpu: CpuReport;
    startSeconds: number;
    prefilled: number;
    windowMs: [number, number];
    leadMs: number;
    submitLatency: LatencySummary;
    finalLatency: LatencySummary;
  },
): Promise<SubmitStormRun> {
  const students = ctx.students.length;
  const cutoff = new Date(o.deadline.getTime() + o.graceMs);
  // Requests the load generator gave up on (30 s) are still being served: wait until the open attempts stop
  // changing for 5 s (at most 180 s), so "still open" means never submitted, not "not graded yet".
  const serveStarted = Date.now();
  for (let last = -1, steadySince = Date.now(); Date.now() - serveStarted < 180_000; await sleep(1_000)) {
    const open = (await ctx.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Attempt" WHERE "userId" LIKE '${STUDENT_PREFIX}%' AND status = 'IN_PROGRESS'`)).rows[0]!.n;
    if (open !== last) [last, steadySince] = [open, Date.now()];
    if (open === 0 || Date.now() - steadySince >= 5_000) break;
  }
  // Mastery follows each grade in a job (the worker beside the app moves pending learning into jobs and runs
  // them): wait for both to empty before checking it.
  const drainStarted = Date.now();
  let learningJobsLeft = 0;
  for (;;) {
    learningJobsLeft = (
      await ctx.sql.query<{ n: number }>(
        `SELECT ((SELECT count(*) FROM graphile_worker.jobs WHERE task_identifier = 'record-attempt-learning') + (SELECT count(*) FROM "PendingLearning"))::int AS n`,
      )
    ).rows[0]!.n;
    if (learningJobsLeft === 0 || Date.now() - drainStarted > 240_000) break;
    await sleep(1_000);
  }
  const learningDrainSeconds = Math.round((Date.now() - drainStarted) / 100) / 10;
  const attempts = (
    await ctx.sql.query<{ id: string; userId: string; status: string; gradedAt: Date | null; rawScore: number | null }>(
      `SELECT id, "userId", status, "gradedAt", "rawScore" FROM "Attempt" WHERE "userId" LIKE '${STUDENT_PREFIX}%'`,
    )
  ).rows;
  // What one grading adds to mastery: +1 evidence per answered question to its topic and to its task statement.
  const mastery = (
    await ctx.sql.query<{ userId: string; answered: number; topic: number; taskStatement: number }>(
      `WITH answered AS (
         SELECT a."userId", count(*) FILTER (WHERE cardinality(ai."chosenKeys") > 0)::int AS answered
         FROM "Attempt" a JOIN "AttemptItem" ai ON ai."attemptId" = a.id
         WHERE a."userId" LIKE '${STUDENT_PREFIX}%' GROUP BY a."userId"),
       evidence AS (
         SELECT "userId", coalesce(sum(evidence) FILTER (WHERE scope = 'TOPIC'), 0)::int AS topic,
                coalesce(sum(evidence) FILTER (WHERE scope = 'TASK_STATEMENT'), 0)::int AS "taskStatement"
         FROM "Mastery" WHERE "userId" LIKE '${STUDENT_PREFIX}%' GROUP BY "userId")
       SELECT an."userId", an.answered, coalesce(e.topic, 0) AS topic, coalesce(e."taskStatement", 0) AS "taskStatement"
       FROM answered an LEFT JOIN evidence e ON e."userId" = an."userId"`,
    )
  ).rows;
  const masteryMismatch = mastery.filter((m) => m.topic !== m.answered || m.taskStatement !== m.answered);
  const masteryOver = mastery.filter((m) => m.topic > m.answered || m.taskStatement > m.answered).length;
  const masteryUnder = mastery.filter((m) => m.topic < m.answered || m.taskStatement < m.answered).length;
  // Each item's stored `correct` against its stored answer and the key it was graded on; rawScore against the items.
  const items = (
    await ctx.sql.query<{ attemptId: string; position: number; mismatch: boolean; correct: boolean | null; rawScore: number | null }>(
      `SELECT ai."attemptId", ai.position, a."rawScore", ai.correct,
              ai.correct IS DISTINCT FROM
                (cardinality(ai."chosenKeys") > 0 AND
                 (SELECT array_agg(k ORDER BY k) FROM unnest(ai."chosenKeys") k) IS NOT DISTINCT FROM
                 (SELECT array_agg(c->>'key' ORDER BY c->>'key') FROM jsonb_array_elements(qv.snapshot->'choices') c WHERE (c->>'correct')::boolean)
                ) AS mismatch
       FROM "AttemptItem" ai
       JOIN "Attempt" a ON a.id = ai."attemptId"
       JOIN "QuestionVersion" qv ON qv."questionId" = ai."questionId" AND qv.version = ai."questionVersion"
       WHERE a."userId" LIKE '${STUDENT_PREFIX}%' AND a.status <> 'IN_PROGRESS'`,
    )
  ).rows;
  // Only graded attempts have a stored `correct` and rawScore to check; open ones are counted as still open, not as disagreements.
  const mismatchedItems = new Set(items.filter((i) => i.mismatch).map((i) => `${i.attemptId}:${i.position}`));
  const scoreOf = new Map<string, { raw: number | null; correct: number }>();
  for (const i of items) {
    const s = scoreOf.get(i.attemptId) ?? { raw: i.rawScore, correct: 0 };
    if (i.correct) s.correct++;
    scoreOf.set(i.attemptId, s);
  }
  const afterCutoff = await ctx.sql.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "AttemptItem" ai JOIN "Attempt" a ON a.id = ai."attemptId"
     WHERE a."userId" LIKE '${STUDENT_PREFIX}%' AND ai."answeredAt" > $1`,
    [cutoff],
  );
  // Every acknowledged save must be in the database (same seq and keys) — and, when its attempt was graded, in the grade.
  const stored = new Map(
    (
      await ctx.sql.query<{ attemptId: string; position: number; chosenKeys: string[]; saveSeq: string }>(
        `SELECT ai."attemptId", ai.position, ai."chosenKeys", ai."saveSeq"::text AS "saveSeq"
         FROM "AttemptItem" ai JOIN "Attempt" a ON a.id = ai."attemptId"
         WHERE a."userId" LIKE '${STUDENT_PREFIX}%' AND (ai.position >= ${PREFILLED} OR ai.position = 0)`,
      )
    ).rows.map((r) => [`${r.attemptId}:${r.position}`, r]),
  );
  // Mastery is recorded only for graded attempts: a still-open one (counted as such) is no grade to miss a save.
  const gradedUsers = new Set(attempts.filter((a) => a.status !== "IN_PROGRESS").map((a) => a.userId));
  const mismatchedUsers = new Set(masteryMismatch.filter((m) => gradedUsers.has(m.userId)).map((m) => m.userId));
  const userOfAttempt = new Map(attempts.map((a) => [a.id, a.userId]));
  // What a submit answered about the final save it carried: applied ("saved") or already held ("stale").
  const carriedAck = new Map<SaveRecord, string>();
  for (const sub of o.submits) {
    if (!sub.carried || sub.response?.status !== 200) continue;
    const body = JSON.parse(sub.response.body) as { saves?: Array<{ position: number; status: string; seq: string }> };
    const ack = body.saves?.find((r) => r.position === sub.carried!.position && BigInt(r.seq) >= BigInt(sub.carried!.seq));
    if (ack && carriedAck.get(sub.carried) !== "saved") carriedAck.set(sub.carried, ack.status);
  }
  /** A final save is acknowledged by its own request, or by a submit that carried it. */
  const finalAck = (s: SaveRecord) => {
    const own = ackOf(s.response);
    return own === "saved" ? own : carriedAck.get(s) === "saved" || carriedAck.get(s) === "stale" ? "saved" : own;
  };
  const held = (s: SaveRecord) => {
    const row = stored.get(`${s.attemptId}:${s.position}`);
    return Boolean(row && s.seq && BigInt(row.saveSeq) >= BigInt(s.seq));
  };
  let ackedSaves = 0;
  let ackedLost = 0;
  const missingByKind: Record<string, number> = {};
  let lateAccepted = 0;
  let lateStored = 0;
  for (const s of o.saves) {
    const ack = ackOf(s.response);
    const row = stored.get(`${s.attemptId}:${s.position}`);
    const present = Boolean(row && BigInt(row.saveSeq) >= BigInt(s.seq || "0") && (row.saveSeq !== s.seq || row.chosenKeys.join() === s.chosenKeys.join()));
    if (s.kind === "late") {
      if (ack === "saved") lateAccepted++;
      if (row && row.saveSeq === s.seq) lateStored++;
      continue;
    }
    if ((s.kind === "final" ? finalAck(s) : ack) !== "saved") continue;
    ackedSaves++;
    if (!present) ackedLost++;
    else if (mismatchedItems.has(`${s.attemptId}:${s.position}`) || mismatchedUsers.has(userOfAttempt.get(s.attemptId)!)) {
      missingByKind[s.kind] = (missingByKind[s.kind] ?? 0) + 1;
    }
  }
  const gradedByApi = new Map<string, number>();
  for (const s of o.submits) {
    if (s.response?.status !== 200) continue;
    const body = JSON.parse(s.response.body) as { alreadyGraded?: boolean };
    if (body.alreadyGraded === false) gradedByApi.set(s.attemptId, (gradedByApi.get(s.attemptId) ?? 0) + 1);
  }
  const saveStats = (kind: SaveRecord["kind"]) => o.saves.filter((s) => s.kind === kind);
  const result: SubmitStormRun = {
    students,
    deadlineLeadSeconds: o.leadMs / 1000,
    graceSeconds: o.graceMs / 1000,
    windowSeconds: [o.windowMs[0] / 1000, o.windowMs[1] / 1000],
    setup: { startSeconds: Math.round(o.startSeconds * 10) / 10, prefilledAnswers: o.prefilled },
    submit: {
      latency: o.submitLatency,
      statuses: tally(o.submits.map((s) => statusOf(s.response))),
      count: o.submits.length,
      duplicates: o.submits.filter((s) => s.duplicate).length,
    },
    finalSave: { latency: o.finalLatency, statuses: tally(saveStats("final").map((s) => statusOf(s.response))), acks: tally(saveStats("final").map((s) => ackOf(s.response))) },
    lateSave: { count: saveStats("late").length, statuses: tally(saveStats("late").map((s) => statusOf(s.response))) },
    raceSave: {
      count: saveStats("race").length,
      statuses: tally(saveStats("race").map((s) => statusOf(s.response))),
      acks: tally(saveStats("race").map((s) => ackOf(s.response))),
    },
    verify: {
      attempts: attempts.length,
      submitted: attempts.filter((a) => a.status === "SUBMITTED").length,
      expired: attempts.filter((a) => a.status === "EXPIRED").length,
      stillOpen: attempts.filter((a) => a.status === "IN_PROGRESS").length,
      gradedAtSet: attempts.filter((a) => a.gradedAt !== null).length,
      masteryOver,
      masteryUnder,
      itemCorrectMismatch: mismatchedItems.size,
      rawScoreMismatch: [...scoreOf.values()].filter((c) => c.raw !== c.correct).length,
      answeredAfterCutoff: afterCutoff.rows[0]!.n,
      ackedSaves,
      ackedLost,
      ackedMissingFromGrade: Object.values(missingByKind).reduce((a, b) => a + b, 0),
      ackedMissingFromGradeByKind: missingByKind,
      lateAccepted,
      lateStored,
      gradedOncePerApi: [...gradedByApi.values()].filter((v) => v === 1).length,
      apiGradedTwice: [...gradedByApi.values()].filter((v) => v > 1).length,
      // Every final save left before the deadline and every submit by deadline + 0.5 s: all on time.
      // On time = left the load generator by then (the generator's own send lag is not the server's doing).
      // Not acknowledged and not in the database when checked: refused (or lost). One the server applied after the
      // load generator gave up waiting (30 s) is in the database: counted as unanswered, not refused.
      onTimeSavesRefused: saveStats("final").filter((s) => s.sentAt! <= o.deadline.getTime() && finalAck(s) !== "saved" && !held(s)).length,
      onTimeSavesUnanswered: saveStats("final").filter((s) => s.sentAt! <= o.deadline.getTime() && finalAck(s) !== "saved" && held(s)).length,
      carriedSaves: new Set(o.submits.flatMap((sub) => (sub.carried ? [sub.carried] : []))).size,
      carriedApplied: [...carriedAck.values()].filter((v) => v === "saved").length,
      onTimeSubmitsExpired: attempts.filter((a) => a.status === "EXPIRED" && o.submits.some((s) => s.attemptId === a.id && s.sentAt! <= cutoff.getTime())).length,
      learningDrainSeconds,
      learningJobsLeft,
      submitsSentLate: new Set(o.submits.filter((s) => !s.duplicate && s.sentAt! > cutoff.getTime()).map((s) => s.attemptId)).size,
    },
    cpu: o.cpu,
  };
  ctx.log(
    `submit storm: submit p50 ${result.submit.latency.p50} ms, p95 ${result.submit.latency.p95} ms, p99 ${result.submit.latency.p99} ms, max ${result.submit.latency.max} ms; ` +
      `statuses ${JSON.stringify(result.submit.statuses)}; late ${JSON.stringify(result.lateSave.statuses)}; race ${JSON.stringify(result.raceSave.acks)}; verify ${JSON.stringify(result.verify)}`,
  );
  return result;
}

export async function submitStorm(ctx: BenchContext, density = 1): Promise<SubmitStormResult> {
  const runs: SubmitStormRun[] = [];
  for (let r = 0; r < ctx.options.runs; r++) runs.push(await measureQuietly(ctx, `submit storm ×${density} run ${r + 1}`, () => submitStormRun(ctx, r, density)));
  const medianRun = medianRunIndex(runs, (r) => r.submit.latency.p99);
  const m = runs[medianRun]!;
  return {
    density,
    targets: { submitP99Ms: 2000 },
    runs,
    medianRun,
    met: {
      gradedOnce: runs.every(
        (r) =>
          r.verify.attempts === r.students &&
          r.verify.stillOpen === 0 &&
          r.verify.gradedAtSet === r.students &&
          r.verify.masteryOver === 0 &&
          r.verify.rawScoreMismatch === 0 &&
          r.verify.apiGradedTwice === 0,
      ),
      submitP99: m.submit.latency.p99 <= 2000,
      nothingAfterGrace: runs.every((r) => r.verify.answeredAfterCutoff === 0 && r.verify.lateStored === 0),
      noAckLost: runs.every((r) => r.verify.ackedLost === 0),
      lateRefused: runs.every((r) => r.verify.lateAccepted === 0),
      onTime: runs.every((r) => r.verify.onTimeSavesRefused === 0 && r.verify.onTimeSubmitsExpired === 0),
    },
  };
}

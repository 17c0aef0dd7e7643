import { describe, expect, test } from "vitest";
import { apportion } from "@/lib/exams/apportion";
import { seededRandom, shuffled } from "@/lib/exams/random";
import { type Candidate, selectMockQuestions, selectScopedQuestions } from "@/lib/exams/sampling";

const WEIGHTS = new Map([
  [1, 32],
  [2, 26],
  [3, 24],
  [4, 18],
]);
const TASK_STATEMENTS: Record<number, string[]> = { 1: ["1.1", "1.2", "1.3"], 2: ["2.1", "2.2", "2.3"], 3: ["3.1", "3.2", "3.3", "3.4"], 4: ["4.1", "4.2", "4.3"] };

function pool(perTaskStatement: number, seen: (id: string) => Partial<Candidate> = () => ({})): Candidate[] {
  return Object.entries(TASK_STATEMENTS).flatMap(([domain, codes]) =>
    codes.flatMap((ts) =>
      Array.from({ length: perTaskStatement }, (_, i) => {
        const id = `q-${ts}-${i}`;
        return { id, domain: Number(domain), taskStatement: ts, topic: `${ts}-t${i % 3}`, timesSeen: 0, lastSeenAt: 0, ...seen(id) };
      }),
    ),
  );
}

const domainOf = (id: string) => Number(id.split("-")[1]!.split(".")[0]);
const countBy = <T,>(items: T[], key: (t: T) => string | number) =>
  items.reduce((m, t) => m.set(key(t), (m.get(key(t)) ?? 0) + 1), new Map<string | number, number>());

describe("apportion (D'Hondt)", () => {
  test.each([
    { name: "65 over the blueprint", total: 65, weights: [32, 26, 24, 18], caps: [99, 99, 99, 99], seats: [21, 17, 16, 11] },
    { name: "10 over the blueprint", total: 10, weights: [32, 26, 24, 18], caps: [99, 99, 99, 99], seats: [3, 3, 2, 2] },
    { name: "a capped party's seats go to the others", total: 65, weights: [32, 26, 24, 18], caps: [10, 99, 99, 99], seats: [10, 21, 20, 14] },
    { name: "fewer seats than caps allow in total", total: 65, weights: [1, 1], caps: [5, 7], seats: [5, 7] },
    { name: "equal weights share evenly", total: 7, weights: [1, 1, 1], caps: [99, 99, 99], seats: [3, 2, 2] },
    { name: "zero seats", total: 0, weights: [1, 1], caps: [9, 9], seats: [0, 0] },
  ])("$name", ({ total, weights, caps, seats }) => {
    const result = apportion(total, weights.map((weight, i) => ({ key: String(i), weight, cap: caps[i]! })));
    expect(weights.map((_, i) => result.get(String(i)))).toEqual(seats);
  });
});

describe("selectMockQuestions", () => {
  test("65 questions balanced 21/17/16/11, task statements even within a domain", () => {
    const selection = selectMockQuestions(pool(20), { total: 65, domainWeights: WEIGHTS, random: seededRandom("a") });
    expect(selection.short).toBe(false);
    expect(new Set(selection.ids).size).toBe(65);
    const byDomain = countBy(selection.ids, domainOf);
    expect([1, 2, 3, 4].map((d) => byDomain.get(d))).toEqual([21, 17, 16, 11]);
    const byTs = countBy(selection.ids, (id) => id.split("-")[1]!);
    expect(["1.1", "1.2", "1.3"].map((ts) => byTs.get(ts))).toEqual([7, 7, 7]);
    expect(["3.1", "3.2", "3.3", "3.4"].map((ts) => byTs.get(ts))).toEqual([4, 4, 4, 4]);
  });

  test("prefers questions the student has not seen, then the least seen, then the longest ago", () => {
    // Per task statement: #0–#2 unseen, #3 seen once, #4 and #5 seen twice (#4 longer ago).
    const candidates = pool(6, (id) => {
      const i = Number(id.split("-")[2]);
      return i < 3 ? {} : { timesSeen: i === 3 ? 1 : 2, lastSeenAt: i * 1000 };
    });
    const selection = selectMockQuestions(candidates, { total: 52, domainWeights: WEIGHTS, random: seededRandom("b") });
    expect(selection.ids).toHaveLength(52);
    // Within each task statement the chosen questions are a prefix of that preference order.
    const preference = [[0, 1, 2], [3], [4], [5]];
    for (const ts of Object.values(TASK_STATEMENTS).flat()) {
      const chosen = new Set(selection.ids.filter((id) => id.startsWith(`q-${ts}-`)).map((id) => Number(id.split("-")[2])));
      let remaining = chosen.size;
      for (const tier of preference) {
        const taken = tier.filter((i) => chosen.has(i)).length;
        expect(taken, `${ts}: tier ${tier} after higher tiers`).toBe(Math.min(tier.length, remaining));
        remaining -= taken;
      }
    }
  });

  test("not enough questions: uses all it has and says it is short", () => {
    const selection = selectMockQuestions(pool(2), { total: 65, domainWeights: WEIGHTS, random: seededRandom("c") });
    expect(selection.short).toBe(true);
    expect(selection.ids).toHaveLength(26);
  });

  test("a domain without enough questions gives its seats to the others", () => {
    const candidates = pool(20).filter((c) => c.domain !== 4 || c.taskStatement === "4.1").slice(0);
    const small = candidates.filter((c) => c.domain !== 4 || Number(c.id.split("-")[2]) < 5);
    const selection = selectMockQuestions(small, { total: 65, domainWeights: WEIGHTS, random: seededRandom("d") });
    expect(selection.ids).toHaveLength(65);
    expect(countBy(selection.ids, domainOf).get(4)).toBe(5);
  });

  test("is reproducible for a seed and differs across seeds", () => {
    const a = selectMockQuestions(pool(20), { total: 65, domainWeights: WEIGHTS, random: seededRandom("same") });
    const b = selectMockQuestions(pool(20), { total: 65, domainWeights: WEIGHTS, random: seededRandom("same") });
    const c = selectMockQuestions(pool(20), { total: 65, domainWeights: WEIGHTS, random: seededRandom("other") });
    expect(a.ids).toEqual(b.ids);
    expect(a.ids).not.toEqual(c.ids);
  });
});

describe("selectScopedQuestions", () => {
  test("spreads a quiz evenly over the topics in scope", () => {
    const scope = pool(9).filter((c) => c.taskStatement === "2.1");
    const selection = selectScopedQuestions(scope, { total: 6, random: seededRandom("e") });
    const byTopic = countBy(selection.ids.map((id) => scope.find((c) => c.id === id)!.topic), (t) => t);
    expect([...byTopic.values()]).toEqual([2, 2, 2]);
  });

  test("weights a drill toward the weakest topics", () => {
    const scope = pool(9).filter((c) => c.taskStatement === "2.1");
    const weights = new Map([["2.1-t0", 3], ["2.1-t1", 1], ["2.1-t2", 0]]);
    const selection = selectScopedQuestions(scope, { total: 8, random: seededRandom("f"), topicWeights: weights });
    const byTopic = countBy(selection.ids.map((id) => scope.find((c) => c.id === id)!.topic), (t) => t);
    expect(byTopic.get("2.1-t0")).toBe(3); // capped by the 3 questions it has
    expect(byTopic.get("2.1-t1")).toBe(3);
    expect(byTopic.get("2.1-t2") ?? 0).toBe(2); // only gets the seats left over
  });
});

describe("shuffled", () => {
  test("keeps every element and is reproducible", () => {
    const items = ["a", "b", "c", "d", "e", "f"];
    const once = shuffled(items, seededRandom("x"));
    expect([...once].sort()).toEqual(items);
    expect(shuffled(items, seededRandom("x"))).toEqual(once);
  });
});

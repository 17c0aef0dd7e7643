// Summarises a V8 .cpuprofile (from `npm run bench -- --profile`, which starts
// the app server with --cpu-prof): self time by package or app file, and the
// hottest functions, so "what limits it" can point at code, not guesses.
//   npx tsx scripts/bench/profile-summary.ts tmp/bench/profiles/<file>.cpuprofile
import { readFileSync } from "node:fs";

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] };
type Profile = { nodes: Node[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] };

export type ProfileSummary = {
  seconds: number;
  busyShare: number;
  byOwner: Array<{ owner: string; share: number }>;
  topFunctions: Array<{ fn: string; owner: string; share: number }>;
};

function ownerOf(url: string, fn: string): string {
  if (!url) return fn.startsWith("(") ? fn : "(native)";
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) {
    const pkg = m[1]!;
    const inNext = /next\/dist\/compiled\/([^/]+)/.exec(url);
    return inNext ? `next (compiled ${inNext[1]})` : pkg;
  }
  if (url.startsWith("node:")) return `node:${url.slice(5).split("/")[0]}`;
  const chunk = /\.next[^/]*\/server\/(.+)$/.exec(url);
  if (chunk) return `app bundle (${chunk[1]!.replace(/\/[^/]*$/, "")})`;
  return url.replace(/^file:\/\//, "").replace(/^.*\/work\/main\//, "");
}

export function summariseProfile(file: string): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i]!;
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const idle = [...selfUs.entries()].filter(([id]) => byId.get(id)?.callFrame.functionName === "(idle)").reduce((a, [, v]) => a + v, 0);
  const busy = total - idle;
  const owners = new Map<string, number>();
  const fns = new Map<string, { owner: string; us: number }>();
  for (const [id, us] of selfUs) {
    const n = byId.get(id)!;
    if (n.callFrame.functionName === "(idle)") continue;
    const owner = ownerOf(n.callFrame.url, n.callFrame.functionName);
    owners.set(owner, (owners.get(owner) ?? 0) + us);
    const key = `${n.callFrame.functionName || "(anonymous)"} ${owner}:${n.callFrame.lineNumber}`;
    const f = fns.get(key) ?? { owner, us: 0 };
    f.us += us;
    fns.set(key, f);
  }
  const share = (us: number) => Math.round((us / Math.max(1, busy)) * 1000) / 10;
  return {
    seconds: Math.round((profile.endTime - profile.startTime) / 1e5) / 10,
    busyShare: Math.round((busy / Math.max(1, total)) * 1000) / 10,
    byOwner: [...owners.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([owner, us]) => ({ owner, share: share(us) })),
    topFunctions: [...fns.entries()].sort((a, b) => b[1].us - a[1].us).slice(0, 15).map(([fn, f]) => ({ fn, owner: f.owner, share: share(f.us) })),
  };
}

if (process.argv[1]?.endsWith("profile-summary.ts")) {
  for (const file of process.argv.slice(2)) console.log(JSON.stringify(summariseProfile(file), null, 2));
}

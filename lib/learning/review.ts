// Spaced repetition with FSRS (ts-fsrs). Pure.
// A missed question becomes a card (Again); a right answer marked "not sure"
// becomes one too (Hard); a confident right answer only reschedules a card
// that already exists (Good) — it never creates one.
import { type Card, Rating, State, createEmptyCard, fsrs, generatorParameters } from "ts-fsrs";

export type ReviewOutcome = "again" | "hard" | "good";

export type StoredCard = {
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: number;
  lastReview: Date | null;
};

// Fuzz off: the same history always gives the same schedule (testable, explainable).
const scheduler = fsrs(generatorParameters({ enable_fuzz: false }));

const RATING: Record<ReviewOutcome, Rating.Again | Rating.Hard | Rating.Good> = {
  again: Rating.Again,
  hard: Rating.Hard,
  good: Rating.Good,
};

export function outcomeFor(correct: boolean, unsure: boolean): ReviewOutcome {
  if (!correct) return "again";
  return unsure ? "hard" : "good";
}

function toFsrs(card: StoredCard): Card {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsedDays,
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as State,
    ...(card.lastReview ? { last_review: card.lastReview } : {}),
  };
}

function fromFsrs(card: Card): StoredCard {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReview: card.last_review ?? null,
  };
}

/** The card after this answer, or null when there is no card and none should be made. */
export function scheduleReview(card: StoredCard | null, outcome: ReviewOutcome, now: Date): StoredCard | null {
  if (!card && outcome === "good") return null;
  const current = card ? toFsrs(card) : createEmptyCard(now);
  return fromFsrs(scheduler.next(current, now, RATING[outcome]).card);
}

"use client";
// The answer control for any kind of item (answer-rules.ts): the one component
// the runner, review cards, lesson checks and results all render.
import type { Reveal } from "@/lib/exams/attempt-items";
import type { ItemDisplay } from "@/lib/exams/item-model";
import { ChoiceList } from "./choice-list";
import { MatchingList } from "./matching-list";
import { NumericAnswer } from "./numeric-answer";
import { OrderingList } from "./ordering-list";

export function ResponseInput({
  name,
  display,
  response,
  onChange,
  onFull,
  reveal,
  disabled,
  describedBy,
}: {
  name: string;
  display: ItemDisplay;
  response: readonly string[];
  onChange?: (response: string[]) => void;
  onFull?: () => void;
  reveal?: Reveal | null;
  disabled?: boolean;
  describedBy?: string;
}) {
  switch (display.kind) {
    case "single":
    case "multiple":
      return (
        <ChoiceList
          name={name}
          kind={display.kind}
          choices={display.choices}
          chooseCount={display.chooseCount}
          response={response}
          onChange={onChange}
          onFull={onFull}
          reveal={reveal}
          disabled={disabled}
          describedBy={describedBy}
        />
      );
    case "ordering":
      return <OrderingList label={`${name}-steps`} steps={display.steps} response={response} onChange={onChange} correctOrder={reveal?.correctResponse} disabled={disabled} />;
    case "matching":
      return <MatchingList name={name} prompts={display.prompts} answers={display.answers} response={response} onChange={onChange} correct={reveal?.correctResponse} disabled={disabled} />;
    case "numeric":
      return <NumericAnswer unit={display.unit} response={response} onChange={onChange} correct={reveal?.correctResponse} disabled={disabled} />;
  }
}

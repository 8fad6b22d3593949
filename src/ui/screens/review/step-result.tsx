import { Text } from 'ink';
import { theme } from '../../theme.js';
import type { Rating } from '../../../engine/drill/attempt.js';
import { RATING_BANDS } from '../../../engine/drill/review/rating.js';
import type { DrillState } from '../../../engine/drill/session.js';
import { Frame } from '../../components/frame.js';
import { ScrollView } from '../../components/scroll-view.js';
import { useMarkdown } from '../../hooks/use-markdown.js';
import { useTerminalSize } from '../../hooks/use-terminal-size.js';
import { markdownLines } from '../../markdown.js';
import { reviewLines } from '../practice/review-lines.js';

/** A reviewed step: its score, what it was rated and why, the answer beside the model answer. */
export function StepResult({ state, saved, error }: { state: DrillState; saved?: Rating; error?: string }) {
  const { rows, columns } = useTerminalSize();
  const width = Math.max(20, columns - 2);
  useMarkdown('', width);
  const lines = reviewLines(state, width, (text) => markdownLines(text, width - 4));
  const score = state.scores[0];
  const scopes = saved ? (['move', 'spaced', 'global'] as const) : (['move', 'review', 'help'] as const);
  return (
    <Frame title={`review · ${state.question.title}`} scopes={scopes}>
      <ScrollView lines={lines} height={Math.max(4, rows - 9)} arrows />
      {saved ? (
        <Text color={theme.good} wrap="truncate-end">
          Rescheduled as {saved}
          {score ? ` (score ${score.score}: ${bandText(score.score)})` : ' (your rating)'}. Enter for the next step.
        </Text>
      ) : score ? (
        <Text color={theme.bad} wrap="truncate-end">
          {error ?? 'Not saved.'} Press 1–4 to try again.
        </Text>
      ) : (
        <Text bold>Rate yourself: 1 again · 2 hard · 3 good · 4 easy</Text>
      )}
    </Frame>
  );
}

/** The band a score fell in, in words: "65–84 is good". */
function bandText(score: number): string {
  let low = 0;
  for (const [below, rating] of RATING_BANDS) {
    if (score < below) return `${low}–${below - 1} is ${rating}`;
    low = below;
  }
  return `${low}+ is easy`;
}

import { useState } from 'react';
import { Text } from 'ink';
import { theme } from '../../theme.js';
import { planReview } from '../../../engine/drill/review/plan.js';
import { stepAsQuestion } from '../../../engine/drill/review/step-session.js';
import { startDrill } from '../../../engine/drill/session.js';
import { useServices } from '../../app-context.js';
import { Frame } from '../../components/frame.js';
import { useGlobalKeys } from '../../hooks/use-global-keys.js';
import { ReviewStep } from './review-step.js';

/**
 * A spaced-review session: the step cards due now, one step at a time, weakest first across
 * topics. The queue is fixed when the session opens, so a step rated "again" waits for its next
 * due date (FSRS, a day or more) instead of coming straight back.
 */
export function ReviewScreen() {
  const services = useServices();
  const [plan] = useState(() =>
    planReview(
      services.bank().questions,
      services.store.data.attempts,
      services.store.data.reviews ?? [],
      services.now(),
    ),
  );
  const [index, setIndex] = useState(0);
  const questions = services.bank().questions;
  const card = plan.queue[index];
  const question = card && questions.find((q) => q.id === card.questionId);
  if (!card || !question)
    return (
      <NothingDue
        reviewed={index}
        cards={plan.cards.length}
        next={nextDue(plan.cards.map((c) => c.card.due.getTime()))}
      />
    );
  return (
    <ReviewStep
      key={`${card.key}-${index}`}
      questionId={question.id}
      step={card.step}
      topic={question.topic}
      position={`${index + 1}/${plan.queue.length}`}
      initial={startDrill(stepAsQuestion(question, card.step), services.now().getTime())}
      onNext={() => setIndex((i) => i + 1)}
    />
  );
}

function nextDue(times: number[]): string | undefined {
  return times.length === 0 ? undefined : new Date(Math.min(...times)).toISOString().slice(0, 16).replace('T', ' ');
}

function NothingDue({ reviewed, cards, next }: { reviewed: number; cards: number; next?: string }) {
  useGlobalKeys(['global']);
  return (
    <Frame title="review" scopes={['global']}>
      {reviewed > 0 ? (
        <Text color={theme.good}>
          Done: {reviewed} step{reviewed === 1 ? '' : 's'} reviewed.
        </Text>
      ) : (
        <Text>Nothing is due for review now.</Text>
      )}
      {cards === 0 ? (
        <Text dimColor wrap="wrap">
          Steps join the review once you have answered them in Practice; each is then scheduled by FSRS from its score.
        </Text>
      ) : (
        <Text dimColor wrap="wrap">
          {cards} step{cards === 1 ? '' : 's'} scheduled{next ? ` · the next falls due ${next} UTC` : ''}.
        </Text>
      )}
    </Frame>
  );
}

import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import {} from 'ink';
import { useKeys } from '../../keys/use-keys.js';
import type { Rating } from '../../../engine/drill/attempt.js';
import { stepRating, toStepReview } from '../../../engine/drill/review/step-session.js';
import { drillReducer, type DrillState } from '../../../engine/drill/session.js';
import { useActions, useServices } from '../../app-context.js';
import {
  textAreaReducer,
  type TextAreaAction,
  type TextAreaState,
} from '../../components/text-area/text-area-state.js';
import { useLatest } from '../../hooks/use-latest.js';
import { keys } from '../../keys/bindings.js';
import { StepView } from '../practice/step-view.js';
import { StepResult } from './step-result.js';

const SELF_RATINGS: Array<[keyof typeof keys, Rating]> = [
  ['rateAgain', 'again'],
  ['rateHard', 'hard'],
  ['rateGood', 'good'],
  ['rateEasy', 'easy'],
];

export interface ReviewStepProps {
  questionId: string;
  step: number;
  topic: string;
  /** e.g. "2/7". */
  position: string;
  initial: DrillState;
  onNext(): void;
}

/** One due step: answer it, see it graded (or rate a card yourself), and it is rescheduled. */
export function ReviewStep({ questionId, step, topic, position, initial, onNext }: ReviewStepProps) {
  const services = useServices();
  const actions = useActions();
  const [state, dispatch] = useReducer(drillReducer, initial);
  const [text, setText] = useState<TextAreaState>({ value: '', cursor: 0 });
  const [saved, setSaved] = useState<Rating | undefined>();
  const [message, setMessage] = useState<string | undefined>(`Review ${position} · ${topic}`);
  const [confirmLeave, setConfirmLeave] = useState(false);
  const latestRef = useLatest(state);
  // Set when the user chose to leave without grading: quitting then must not record the answer.
  const discarded = useRef(false);

  const record = useCallback(
    (done: DrillState, rating: Rating) => {
      const result = actions.update((data) => {
        (data.reviews ??= []).push(toStepReview(done, questionId, step, rating, services.now().toISOString()));
      });
      if (result.ok) setSaved(rating);
      return result.ok;
    },
    [actions, questionId, step, services],
  );

  // Quitting mid-step keeps a typed answer: it is graded and recorded like a submitted one.
  const saveOnExit = useCallback(() => {
    const s = latestRef.current;
    if (discarded.current || s.phase !== 'answering' || s.answers[0].trim() === '') return;
    const done = drillReducer(s, { type: 'next-step', at: services.now().getTime() });
    const rating = stepRating(done);
    if (rating) record(done, rating);
  }, [record, services, latestRef]);
  useEffect(() => actions.onExit(saveOnExit), [actions, saveOnExit]);

  const typeText = (action: TextAreaAction) => {
    setText((current) => {
      const next = textAreaReducer(current, action);
      if (next.value !== current.value) dispatch({ type: 'set-answer', text: next.value });
      return next;
    });
    setConfirmLeave(false);
  };

  const submit = (from: DrillState) => {
    const done = drillReducer(from, { type: 'next-step', at: services.now().getTime() });
    dispatch({ type: 'next-step', at: services.now().getTime() });
    const rating = stepRating(done);
    if (rating) record(done, rating);
  };

  const answering = state.phase === 'answering';
  const { form } = state.question.steps[0];
  useKeys(
    (input, key) => {
      if (keys.discardStep.matches(input, key)) {
        if (state.answers[0].trim() !== '' && !confirmLeave) {
          setConfirmLeave(true);
          setMessage('Esc again leaves without grading this answer; ctrl+d grades it.');
        } else {
          discarded.current = true;
          actions.backOr({ name: 'home' });
        }
      } else if (keys.gradeReviewStep.matches(input, key)) submit(state);
      else if (keys.reviewHint.matches(input, key)) dispatch({ type: 'show-hint' });
    },
    { isActive: answering },
  );
  useKeys(
    (input, key) => {
      if (!saved) {
        for (const [name, self] of SELF_RATINGS) {
          const rating = keys[name].matches(input, key) ? stepRating(state, self) : undefined;
          if (rating) record(state, rating);
        }
      } else if (keys.nextDue.matches(input, key)) onNext();
      else if (keys.back.matches(input, key)) actions.backOr({ name: 'home' });
      else if (keys.quit.matches(input, key)) actions.quit();
      else if (keys.help.matches(input, key)) actions.open({ name: 'help', scopes: ['spaced', 'review', 'global'] });
    },
    { isActive: !answering },
  );

  if (answering) {
    return (
      <StepView
        state={state}
        text={text}
        onText={typeText}
        onChoose={(index) => {
          const chosen = drillReducer(state, { type: 'choose', index });
          dispatch({ type: 'choose', index });
          submit(chosen);
        }}
        onReveal={() => dispatch({ type: 'reveal-card' })}
        message={message}
        scopes={
          form === 'text' || form === 'estimate'
            ? ['spaced-step', 'typing', 'global']
            : ['move', 'choice', 'spaced-step', 'global']
        }
      />
    );
  }
  return <StepResult state={state} saved={saved} error={services.store.lastError} />;
}

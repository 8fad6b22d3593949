import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { Text } from 'ink';
import {
  drillReducer,
  hasProgress,
  startDrill,
  toAttempt,
  toDraft,
  type DrillState,
} from '../../../engine/drill/session.js';
import type { AttemptSimulation, Rating } from '../../../engine/drill/attempt.js';
import { useActions, useServices } from '../../app-context.js';
import { Frame } from '../../components/frame.js';
import {
  textAreaReducer,
  type TextAreaAction,
  type TextAreaState,
} from '../../components/text-area/text-area-state.js';
import { useGlobalKeys } from '../../hooks/use-global-keys.js';
import { useLatest } from '../../hooks/use-latest.js';
import { editorCommand, useExternalEditor } from '../../hooks/use-external-editor.js';
import { keys } from '../../keys/bindings.js';
import { useKeys } from '../../keys/use-keys.js';
import { theme } from '../../theme.js';
import { ReviewView } from './review-view.js';
import { StepView } from './step-view.js';
import { TryItView, tryItScenario } from '../simulate/try-it-view.js';

/** A draft is saved this long after the last keystroke, so a crash loses at most the last second. */
const AUTOSAVE_MS = 700;

const RATINGS: Array<[keyof typeof keys, Rating]> = [
  ['rateAgain', 'again'],
  ['rateHard', 'hard'],
  ['rateGood', 'good'],
  ['rateEasy', 'easy'],
];

/** One drill, from the first step to the saved attempt. A draft is kept whenever typing stops and when the user leaves. */
export function DrillScreen({ id }: { id: string }) {
  const services = useServices();
  const question = services.bank().questions.find((q) => q.id === id);
  if (!question) return <MissingQuestion id={id} />;
  return <Drill key={id} initial={startDrill(question, services.now().getTime(), services.store.data.drafts[id])} />;
}

function MissingQuestion({ id }: { id: string }) {
  useGlobalKeys(['global']);
  return (
    <Frame title="practice" scopes={['global']}>
      <Text color={theme.bad}>No question with id {id} in the bank.</Text>
    </Frame>
  );
}

function Drill({ initial }: { initial: DrillState }) {
  const services = useServices();
  const actions = useActions();
  const edit = useExternalEditor();
  const [state, dispatch] = useReducer(drillReducer, initial);
  const [text, setText] = useState<TextAreaState & { step: number }>(() => ({
    value: initial.answers[initial.stepIndex],
    cursor: initial.answers[initial.stepIndex].length,
    step: initial.stepIndex,
  }));
  const [message, setMessage] = useState<string | undefined>(
    initial.resumedFrom ? `Resumed your draft from ${initial.resumedFrom.slice(0, 16).replace('T', ' ')}.` : undefined,
  );
  const latestRef = useLatest(state);
  /** The step whose empty ctrl+d was answered with a question; a second ctrl+d there skips it. */
  const confirmSkip = useRef<number | undefined>(undefined);
  const now = () => services.now().getTime();
  const id = state.question.id;
  const step = state.question.steps[state.stepIndex];
  // A framework or output question with a scenario that has levers ends with a "try it in the simulator"
  // page before the review: the fix its answers propose, run.
  const tryIt = useMemo(
    () =>
      state.question.kind === 'framework' || state.question.kind === 'output'
        ? tryItScenario(state.question.scenario)
        : undefined,
    [state.question],
  );
  const [tryItDone, setTryItDone] = useState(false);
  const [simulation, setSimulation] = useState<AttemptSimulation | undefined>(undefined);
  const tryingIt = state.phase === 'review' && tryIt !== undefined && !tryItDone;

  const saveDraft = useCallback(() => {
    const s = latestRef.current;
    // The review (and the try-it page before it) still holds unsaved answers until the rating: keep them too.
    if (!hasProgress(s) && s.phase !== 'review') return;
    const at = services.now();
    actions.update((data) => {
      data.drafts[s.question.id] = toDraft(s, at.toISOString(), at.getTime());
    });
  }, [services, actions, latestRef]);
  useEffect(() => actions.onExit(saveDraft), [actions, saveDraft]);
  // Leaving by Esc from the review unmounts the drill without the exit hooks.
  useEffect(() => () => saveDraft(), [saveDraft]);

  // Autosave once typing stops (not on the first render: a resumed draft is already saved).
  const typedSinceStart = useRef(false);
  useEffect(() => {
    if (!typedSinceStart.current) {
      typedSinceStart.current = true;
      return;
    }
    if (state.phase !== 'answering') return;
    const timer = setTimeout(saveDraft, AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [state.answers, state.stepIndex, state.hintsShown, state.phase, saveDraft]);

  // The field belongs to one step; on another step it starts from that step's answer. Derived, not
  // reset by an effect: an effect ran after keys typed just after ctrl+d and wiped them.
  const fieldFor = (s: DrillState) => ({
    value: s.answers[s.stepIndex],
    cursor: s.answers[s.stepIndex].length,
    step: s.stepIndex,
  });
  const shownText = text.step === state.stepIndex ? text : fieldFor(state);
  const typeText = (action: TextAreaAction) => {
    setText((held) => {
      const current = held.step === latestRef.current.stepIndex ? held : fieldFor(latestRef.current);
      const next = { ...textAreaReducer(current, action), step: current.step };
      if (next.value !== current.value) dispatch({ type: 'set-answer', text: next.value });
      return next;
    });
  };

  const answering = state.phase === 'answering';
  useGlobalKeys(['global'], { isActive: !answering });
  useKeys(
    (input, key) => {
      if (keys.leaveDrill.matches(input, key)) {
        saveDraft();
        actions.backOr({ name: 'practice' });
      } else if (keys.submitStep.matches(input, key)) {
        // An empty answer is more often a slip of the keys than a choice: ask once, then skip.
        const empty = step.form !== 'card' && latestRef.current.answers[latestRef.current.stepIndex].trim() === '';
        if (empty && confirmSkip.current !== latestRef.current.stepIndex) {
          confirmSkip.current = latestRef.current.stepIndex;
          return setMessage(
            `Step ${latestRef.current.stepIndex + 1} has no answer: ctrl+d again skips it (ctrl+b comes back to it).`,
          );
        }
        confirmSkip.current = undefined;
        dispatch({ type: 'next-step', at: now() });
        setMessage(empty ? `Skipped step ${latestRef.current.stepIndex + 1} with no answer.` : undefined);
      } else if (keys.previousStep.matches(input, key)) dispatch({ type: 'previous-step', at: now() });
      else if (keys.hint.matches(input, key)) {
        if (state.hintsShown[state.stepIndex] >= step.hints.length)
          setMessage(step.hints.length === 0 ? 'This step has no hints.' : 'No more hints for this step.');
        dispatch({ type: 'show-hint' });
      } else if (keys.editor.matches(input, key) && step.form === 'text') {
        const command = editorCommand(services.store.data.settings.editor, services.ctx.env);
        if (!command) return setMessage('Set $VISUAL or $EDITOR to write answers in your editor.');
        // The field's text, not the reducer's: the answer reaches the reducer one render after the screen shows it.
        const result = edit(command, text.value);
        if (result.text !== undefined) typeText({ type: 'set', value: result.text });
        setMessage(result.error);
      }
    },
    { isActive: answering },
  );
  useKeys(
    (input, key) => {
      for (const [name, rating] of RATINGS) {
        if (!keys[name].matches(input, key)) continue;
        const done = drillReducer(state, { type: 'rate', rating });
        dispatch({ type: 'rate', rating });
        actions.update((data) => {
          data.attempts.push({
            ...toAttempt(done, services.now().toISOString()),
            ...(simulation ? { simulation } : {}),
          });
          delete data.drafts[id];
        });
      }
    },
    { isActive: state.phase === 'review' && !tryingIt },
  );

  if (state.phase === 'answering') {
    return (
      <StepView
        state={state}
        text={shownText}
        onText={typeText}
        onChoose={(index) => {
          dispatch({ type: 'choose', index });
          dispatch({ type: 'next-step', at: now() });
        }}
        onReveal={() => dispatch({ type: 'reveal-card' })}
        message={message}
      />
    );
  }
  if (tryingIt)
    return <TryItView loaded={tryIt} answers={state.answers} onRun={setSimulation} onDone={() => setTryItDone(true)} />;
  return <ReviewView state={state} simulation={simulation} />;
}

import type { Question, Step, Topic } from '../../src/engine/drill/types.js';
import type { Attempt, Rating } from '../../src/engine/drill/attempt.js';

/** A hand-built question for engine and UI tests. */
export function makeQuestion(id: string, overrides: Partial<Question> = {}): Question {
  const step: Step = {
    title: 'Choose scaling strategy (horizontal vs vertical)',
    form: 'text',
    prompt: 'Which way would you scale, and why?',
    hints: ['Think about state.', 'What sits in front?'],
    rubric: [
      { concept: 'horizontal scaling', synonyms: ['scale out', 'more instances'], weight: 2 },
      { concept: 'load balancer', synonyms: ['lb'], weight: 1 },
    ],
    model: 'Scale out behind a load balancer.',
  };
  return {
    id,
    title: `Question ${id}`,
    topic: 'scalability' as Topic,
    kind: 'framework',
    difficulty: 'medium',
    minutes: 10,
    checklist: ['knowledge-scaling'],
    files: [],
    prompt: 'How would you scale the gateway?',
    steps: [step],
    body: { context: '', modelAnswer: 'Scale out.', followUps: '', rest: '' },
    origin: `/tmp/${id}.md`,
    ...overrides,
  };
}

export function makeAttempt(questionId: string, at: string, score: number, rating?: Rating): Attempt {
  return { questionId, at, score, steps: [], rating, totalMs: 60_000, mode: 'practice' };
}

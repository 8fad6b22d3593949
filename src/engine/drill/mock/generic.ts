import type { Question } from '../types.js';
import type { MockSpec } from './types.js';

// The prompts and rubric words below are wording, not logic: a test per word would only restate them, so
// mutation testing leaves their text and word lists alone (as with the scoring vocabularies, see
// function-words.ts). They are graded like any question's rubric, which the scoring tests cover.
// Stryker disable StringLiteral,ArrayDeclaration: wording
/** The deep dive's lead-in when a question declares none. */
export const DEEP_DIVE_LEAD =
  'Go deep through the analysis framework, step by step: what you would do at each step, and why.';

/**
 * The phases of a mock for a design question without a `mock:` block (a pack's own framework
 * question): prompts any design round asks, scored on what every answer to them should contain.
 * There is no estimate and no curveball run, and the report says so.
 */
export function genericMockSpec(question: Question): MockSpec {
  return {
    requirements: {
      prompt: `Before designing: what must the system do, for whom, at what scale, and which qualities matter most (latency, availability, consistency)? Ask what you would ask the interviewer about "${question.title}".`,
      rubric: [
        { concept: 'functional requirements', synonyms: ['use cases', 'must do', 'features', 'endpoints'], weight: 1 },
        {
          concept: 'non-functional requirements',
          synonyms: ['latency', 'availability', 'consistency', 'slo', 'p95', 'p99', 'uptime'],
          weight: 2,
        },
        {
          concept: 'scale',
          synonyms: ['requests per second', 'req/s', 'rps', 'traffic', 'users', 'peak', 'growth'],
          weight: 1,
        },
      ],
    },
    apiDataModel: {
      prompt:
        'Which calls does the system expose and what does it store? Name the endpoints or messages, the main entities and where each lives.',
      rubric: [
        { concept: 'API', synonyms: ['endpoint', 'post', 'get', 'grpc', 'rest', 'request', 'response'], weight: 2 },
        {
          concept: 'data model',
          synonyms: ['table', 'schema', 'entity', 'record', 'topic', 'key', 'index'],
          weight: 2,
        },
        { concept: 'idempotency', synonyms: ['idempotent', 'idempotency key', 'deduplicate', 'dedupe'], weight: 1 },
      ],
    },
    highLevelDesign: {
      prompt:
        'Draw the design in words: the components on the path of a request, how they talk, and where state lives.',
      rubric: [
        {
          concept: 'components',
          synonyms: ['gateway', 'producer', 'consumer', 'kafka', 'postgres', 'redis', 'load balancer', 'service'],
          weight: 2,
        },
        {
          concept: 'data flow',
          synonyms: ['request path', 'flow', 'publishes', 'consumes', 'calls', 'writes', 'reads'],
          weight: 2,
        },
        { concept: 'state', synonyms: ['stateless', 'stateful', 'source of truth', 'database', 'cache'], weight: 1 },
      ],
    },
    curveball: {
      prompt:
        'Traffic doubles and one instance of your busiest component fails. What breaks first, and what do you change?',
      rubric: [
        { concept: 'bottleneck', synonyms: ['saturates', 'breaks first', 'queue', 'limit'], weight: 2 },
        {
          concept: 'redundancy',
          synonyms: ['replica', 'failover', 'n+1', 'spare', 'more instances', 'scale out'],
          weight: 2,
        },
        {
          concept: 'degrade gracefully',
          synonyms: ['shed load', 'rate limit', 'circuit breaker', 'fallback', 'backpressure'],
          weight: 1,
        },
      ],
    },
  };
}
// Stryker restore StringLiteral,ArrayDeclaration

/** The question's own mock content, or the generic one. */
export function mockSpecFor(question: Question): MockSpec {
  return question.mock ?? genericMockSpec(question);
}

/** The questions a mock can be taken on: the design (framework) questions. */
export function mockable(questions: readonly Question[]): Question[] {
  return questions.filter((q) => q.kind === 'framework');
}

// The question bank's loader as one lazily imported chunk (see services.ts): YAML, schema and bank.
export { loadQuestionBank } from '../content/load-questions.js';
export { formatProblem } from '../content/bank.js';

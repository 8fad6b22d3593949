import { PHASES } from '../../../engine/drill/mock/phases.js';
import type { MockSpec } from '../../../engine/drill/mock/types.js';
import type { Question } from '../../../engine/drill/types.js';

/** What the interviewer asks in a phase (Markdown): the question's own text for the phase. */
export function phasePrompt(spec: MockSpec, question: Question, phase: number): string {
  switch (PHASES[phase].name) {
    case 'requirements':
      return `${question.prompt.trim()}\n\n${spec.requirements.prompt}`;
    case 'estimate':
      return (
        spec.estimate?.prompt ??
        'This question declares no figures to estimate: note the numbers that matter for your design (traffic, instances, storage) and move on.'
      );
    case 'api-data-model':
      return spec.apiDataModel.prompt;
    case 'high-level-design':
      return spec.highLevelDesign.prompt;
    case 'deep-dive':
      return `${spec.deepDive ?? 'Go deep through the framework, step by step.'}\n\n${question.steps.map((s, i) => `${i + 1}. **${s.title}**`).join('\n')}`;
    case 'follow-up':
      return `**Curveball.** ${spec.curveball.prompt}`;
  }
}

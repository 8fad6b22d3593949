import type { Question } from '../../../engine/drill/types.js';

/** The question as Markdown: the prompt, then its code excerpt or tool output when it has one. */
export function questionMarkdown(question: Question): string {
  const parts = [question.prompt.trim()];
  if (question.code)
    parts.push(
      `\`${question.code.path}\`\n\n\`\`\`${question.code.lang}\n${question.code.source.replace(/\n$/, '')}\n\`\`\``,
    );
  if (question.output) parts.push(`\`\`\`text\n${question.output.replace(/\n$/, '')}\n\`\`\``);
  if (question.body.context && question.kind !== 'framework') parts.push(question.body.context);
  return parts.join('\n\n');
}

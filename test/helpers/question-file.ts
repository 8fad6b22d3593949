/** A valid question file (front matter + body) with `overrides` spliced into the front matter. */
export function questionFile(
  id: string,
  extraFrontMatter = '',
  body = '## Context\nWhy it matters.\n\n## Model answer\nThe answer.\n\n## Follow-ups\n- And then?\n',
): string {
  return `---
id: ${id}
title: A test question ${id}
topic: scalability
kind: framework
difficulty: easy
minutes: 5
checklist: [knowledge-scaling]
prompt: How would you scale it?
${extraFrontMatter}steps:
  - title: Choose scaling strategy
    prompt: Which way?
    hints: [Think of machines.]
    rubric:
      - concept: horizontal scaling
        synonyms: [scale out]
        weight: 2
      - concept: load balancer
    model: Scale out behind a load balancer.
---
${body}`;
}

import { Suspense } from 'react';
import { Text } from 'ink';
import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { useServices, ServicesContext } from '../../src/ui/app-context.js';
import { buildServices } from '../../src/ui/services.js';
import { testContext } from '../helpers/test-context.js';

afterEach(() => cleanup());

function QuestionCount() {
  return <Text>{useServices().bank().questions.length} questions</Text>;
}

// This file never preloads the loader (test/helpers/render-app does): it sees the app as it starts.
describe('the question loader is not on the home screen’s path', () => {
  it('a screen that asks for questions before the loader arrives waits for it, then renders', async () => {
    const services = buildServices(testContext());
    const { lastFrame } = render(
      <ServicesContext.Provider value={services}>
        <Suspense fallback={<Text>waiting</Text>}>
          <QuestionCount />
        </Suspense>
      </ServicesContext.Provider>,
    );
    expect(lastFrame()).toBe('waiting');
    for (let i = 0; i < 200 && lastFrame() === 'waiting'; i += 1)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(lastFrame()).toMatch(/^\d+ questions$/);
    expect(services.bank().questions.length).toBeGreaterThan(20);
  });
});

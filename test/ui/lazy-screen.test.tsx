import { Suspense } from 'react';
import { Text } from 'ink';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { lazyScreen } from '../../src/ui/lazy-screen.js';
import { waitForText } from '../helpers/wait-for.js';

function Hello({ name }: { name: string }) {
  return <Text>hello {name}</Text>;
}

describe('lazyScreen', () => {
  it('a screen preloaded before its first render is in the first frame (nothing suspended)', async () => {
    const { Screen, preload } = lazyScreen(async () => Hello);
    await preload();
    const app = render(
      <Suspense fallback={<Text>loading</Text>}>
        <Screen name="drill" />
      </Suspense>,
    );
    expect(app.lastFrame()).toBe('hello drill');
  });

  it('one not loaded yet suspends, then renders once its module has loaded', async () => {
    let loads = 0;
    const { Screen } = lazyScreen(async () => {
      loads += 1;
      return Hello;
    });
    const app = render(
      <Suspense fallback={<Text>loading</Text>}>
        <Screen name="list" />
      </Suspense>,
    );
    expect(app.lastFrame()).toBe('loading');
    await waitForText(app.lastFrame, 'hello list');
    expect(loads).toBe(1);
  });

  it('preloading twice loads the module once', async () => {
    let loads = 0;
    const { preload } = lazyScreen(async () => {
      loads += 1;
      return Hello;
    });
    await Promise.all([preload(), preload()]);
    expect(loads).toBe(1);
  });
});

import { useLayoutEffect, useState } from 'react';
import { Text, useStdin } from 'ink';
import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { KeyRouter } from '../../src/ui/keys/key-router.js';
import { KeysEnabledContext, useKeys } from '../../src/ui/keys/use-keys.js';

afterEach(() => cleanup());

/**
 * The first screen goes on to the second on Enter. The second, in the commit that first draws it,
 * types a key itself: the stand-in for a person who presses a key the moment the screen appears, on a
 * machine too busy to run passive effects before the next read of stdin.
 */
function Flow({ log }: { log: string[] }) {
  const [screen, setScreen] = useState<'first' | 'second'>('first');
  return screen === 'first' ? <First log={log} onDone={() => setScreen('second')} /> : <Second log={log} />;
}

function First({ log, onDone }: { log: string[]; onDone: () => void }) {
  useKeys((input, key) => {
    if (key.return) onDone();
    else log.push(`first:${input}`);
  });
  return <Text>first</Text>;
}

function Second({ log }: { log: string[] }) {
  const { stdin } = useStdin();
  useKeys((input) => log.push(`second:${input}`));
  useLayoutEffect(() => {
    // ink-testing-library's stdin hands the key to Ink at once, inside this commit.
    (stdin as unknown as { write(data: string): void }).write('4');
  }, [stdin]);
  return <Text>second</Text>;
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the key router', () => {
  it('gives a key pressed as a screen is drawn to that screen, not to the one just left', async () => {
    const log: string[] = [];
    const app = render(
      <KeyRouter>
        <Flow log={log} />
      </KeyRouter>,
    );
    await delay(50);
    app.stdin.write('\r');
    await delay(50);
    expect(app.lastFrame()).toBe('second');
    expect(log).toEqual(['second:4']);
  });

  it('splits a burst into keys, groups a paste for a text field, and hears nothing while covered', async () => {
    const log: string[] = [];
    function Keys({ covered }: { covered: boolean }) {
      return (
        <KeysEnabledContext.Provider value={!covered}>
          <Listener name="keys" log={log} />
          <Listener name="text" log={log} groupText />
        </KeysEnabledContext.Provider>
      );
    }
    const app = render(
      <KeyRouter>
        <Keys covered={false} />
      </KeyRouter>,
    );
    await delay(50);
    app.stdin.write('jk');
    await delay(20);
    expect(log).toEqual(['keys:j', 'keys:k', 'text:jk']);
    app.rerender(
      <KeyRouter>
        <Keys covered />
      </KeyRouter>,
    );
    await delay(20);
    app.stdin.write('x');
    await delay(20);
    expect(log).toHaveLength(3);
  });
});

function Listener({ name, log, groupText = false }: { name: string; log: string[]; groupText?: boolean }) {
  useKeys((input) => log.push(`${name}:${input}`), { groupText });
  return <Text>{name}</Text>;
}

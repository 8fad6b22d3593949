import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useApp, useInput } from 'ink';
import { ActionsContext, ServicesContext, type AppActions, type AppServices } from './app-context.js';
import { keys } from './keys/bindings.js';
import { navReducer } from './navigation.js';
import type { Screen } from './screens/screen.js';
import { ChecklistScreen } from './screens/checklist/checklist-screen.js';
import { HelpScreen } from './screens/help/help-screen.js';
import { HomeScreen } from './screens/home/home-screen.js';
import { CalculatorScreen } from './screens/calculator/calculator-screen.js';
import { ReferenceScreen } from './screens/reference/reference-screen.js';
import { DrillScreen } from './screens/practice/drill-screen.js';
import { PracticeListScreen } from './screens/practice/practice-list-screen.js';
import { ReviewScreen } from './screens/review/review-screen.js';
import { StatsScreen } from './screens/stats/stats-screen.js';
import { HistoryEntryScreen } from './screens/history/history-entry-screen.js';
import { HistoryScreen } from './screens/history/history-screen.js';

function renderScreen(screen: Screen) {
  switch (screen.name) {
    case 'home':
      return <HomeScreen />;
    case 'checklist':
      return <ChecklistScreen />;
    case 'practice':
      return <PracticeListScreen />;
    case 'drill':
      return <DrillScreen id={screen.id} />;
    case 'calculator':
      return <CalculatorScreen />;
    case 'reference':
      return <ReferenceScreen />;
    case 'review':
      return <ReviewScreen />;
    case 'stats':
      return <StatsScreen />;
    case 'history':
      return <HistoryScreen />;
    case 'history-entry':
      return <HistoryEntryScreen id={screen.id} />;
    case 'help':
      return <HelpScreen scopes={screen.scopes} />;
    default: {
      const unknown: never = screen;
      return unknown;
    }
  }
}

export interface AppProps {
  services: AppServices;
  initial: Screen;
  /** run-app passes the same list to its signal handlers. */
  exitHooks: Set<() => void>;
}

export function App({ services, initial, exitHooks }: AppProps) {
  const { exit } = useApp();
  const [nav, dispatch] = useReducer(navReducer, { stack: [initial], quitting: false });
  const [, setVersion] = useState(0);
  const quitting = useRef(false);

  const runExitHooks = useCallback(() => {
    for (const hook of exitHooks) hook();
  }, [exitHooks]);

  useEffect(() => {
    if (nav.quitting && !quitting.current) {
      quitting.current = true;
      runExitHooks();
      exit();
    }
  }, [nav.quitting, exit, runExitHooks]);

  // Ctrl+C reaches us (exitOnCtrlC is off) so that drafts are saved before leaving.
  useInput((input, key) => {
    if (keys.interrupt.matches(input, key)) dispatch({ type: 'quit' });
  });

  const actions = useMemo<AppActions>(
    () => ({
      open: (screen) => dispatch({ type: 'open', screen }),
      replace: (screen) => dispatch({ type: 'replace', screen }),
      back: () => dispatch({ type: 'back' }),
      backOr: (screen) => dispatch({ type: 'back-or', screen }),
      quit: () => dispatch({ type: 'quit' }),
      update: (mutate) => {
        const result = services.store.update(mutate);
        setVersion((v) => v + 1);
        return result;
      },
      onExit: (save) => {
        exitHooks.add(save);
        return () => {
          exitHooks.delete(save);
        };
      },
    }),
    [services, exitHooks],
  );

  const screen = nav.stack[nav.stack.length - 1];
  return (
    <ServicesContext.Provider value={services}>
      <ActionsContext.Provider value={actions}>{renderScreen(screen)}</ActionsContext.Provider>
    </ServicesContext.Provider>
  );
}

import { Suspense, useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { Box, useApp } from 'ink';
import { ActionsContext, NoticeContext, ServicesContext, type AppActions, type AppServices } from './app-context.js';
import { MemoryContext } from './hooks/use-remembered.js';
import { keys } from './keys/bindings.js';
import { KeysEnabledContext, useKeys } from './keys/use-keys.js';
import { navReducer } from './navigation.js';
import { configureTheme } from './theme.js';
import type { Screen } from './screens/screen.js';
import { HelpScreen } from './screens/help/help-screen.js';
import { HomeScreen } from './screens/home/home-screen.js';
import { lazyScreen } from './lazy-screen.js';

/** Screens other than home load on first use: the first frame pays only for home (bench/startup.mjs). */
const screens = {
  checklist: lazyScreen(() => import('./screens/checklist/checklist-screen.js').then((m) => m.ChecklistScreen)),
  calculator: lazyScreen(() => import('./screens/calculator/calculator-screen.js').then((m) => m.CalculatorScreen)),
  reference: lazyScreen(() => import('./screens/reference/reference-screen.js').then((m) => m.ReferenceScreen)),
  drill: lazyScreen(() => import('./screens/practice/drill-screen.js').then((m) => m.DrillScreen)),
  practice: lazyScreen(() => import('./screens/practice/practice-list-screen.js').then((m) => m.PracticeListScreen)),
  simulate: lazyScreen(() => import('./screens/simulate/simulate-screen.js').then((m) => m.SimulateScreen)),
  mock: lazyScreen(() => import('./screens/mock/mock-screen.js').then((m) => m.MockScreen)),
  review: lazyScreen(() => import('./screens/review/review-screen.js').then((m) => m.ReviewScreen)),
  stats: lazyScreen(() => import('./screens/stats/stats-screen.js').then((m) => m.StatsScreen)),
  'history-entry': lazyScreen(() =>
    import('./screens/history/history-entry-screen.js').then((m) => m.HistoryEntryScreen),
  ),
  history: lazyScreen(() => import('./screens/history/history-screen.js').then((m) => m.HistoryScreen)),
};
const ChecklistScreen = screens.checklist.Screen;
const CalculatorScreen = screens.calculator.Screen;
const ReferenceScreen = screens.reference.Screen;
const DrillScreen = screens.drill.Screen;
const PracticeListScreen = screens.practice.Screen;
const SimulateScreen = screens.simulate.Screen;
const MockScreen = screens.mock.Screen;
const ReviewScreen = screens.review.Screen;
const StatsScreen = screens.stats.Screen;
const HistoryEntryScreen = screens['history-entry'].Screen;
const HistoryScreen = screens.history.Screen;

/** Load every screen's module after the first frame, so that opening one later does not wait (and drop keys). */
export function preloadScreens(): void {
  for (const screen of Object.values(screens)) void screen.preload();
}

/** Load the screen the app opens on before its first render, so that it is drawn (and listening) at once. */
export async function preloadScreen(screen: Screen): Promise<void> {
  if (screen.name in screens) await screens[screen.name as keyof typeof screens].preload();
}

const SAVE_RETRY_MS = 5_000;

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
    case 'mock':
      return <MockScreen id={screen.id} minutes={screen.minutes} reportPath={screen.reportPath} />;
    case 'calculator':
      return <CalculatorScreen />;
    case 'reference':
      return <ReferenceScreen />;
    case 'simulate':
      return <SimulateScreen />;
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
  // Before the first frame, so that NO_COLOR holds from the first line drawn.
  useState(() => configureTheme(services.ctx.env));
  const [memory] = useState(() => new Map<string, unknown>());
  const { exit } = useApp();
  const [nav, dispatch] = useReducer(navReducer, { stack: [initial], quitting: false });
  const [version, setVersion] = useState(0);
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
  useKeys((input, key) => {
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

  // A failed save is retried until one succeeds (the banner stays meanwhile); nothing runs while saves work.
  useEffect(() => {
    if (!services.store.lastError) return;
    const timer = setInterval(() => {
      if (services.store.save().ok) setVersion((v) => v + 1);
    }, SAVE_RETRY_MS);
    return () => clearInterval(timer);
  }, [services, version]);

  // The help covers the screen it was opened from, which stays mounted (a drill keeps its answers
  // and its clock) but hidden and deaf to keys until the help is closed.
  const top = nav.stack[nav.stack.length - 1];
  const base = [...nav.stack].reverse().find((s) => s.name !== 'help') ?? top;
  const covered = top.name === 'help';
  return (
    <ServicesContext.Provider value={services}>
      <ActionsContext.Provider value={actions}>
        <NoticeContext.Provider value={nav.notice}>
          <MemoryContext.Provider value={memory}>
            <Box display={covered ? 'none' : 'flex'} flexDirection="column">
              <KeysEnabledContext.Provider value={!covered}>
                <Suspense fallback={null}>{renderScreen(base)}</Suspense>
              </KeysEnabledContext.Provider>
            </Box>
            {covered ? <Suspense fallback={null}>{renderScreen(top)}</Suspense> : null}
          </MemoryContext.Provider>
        </NoticeContext.Provider>
      </ActionsContext.Provider>
    </ServicesContext.Provider>
  );
}

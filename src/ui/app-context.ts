import { createContext, useContext } from 'react';
import type { CommandContext } from '../commands/types.js';
import type { Checklist } from '../engine/checklist/types.js';
import type { QuestionBank } from '../content/load-questions.js';
import type { StoreData } from '../store/schema.js';
import type { Store, WriteResult } from '../store/store-core.js';
import type { Screen } from './screens/screen.js';

/** What the app is built from, made once by run-app. */
export interface AppServices {
  ctx: CommandContext;
  store: Store;
  checklist: Checklist;
  /** Things to tell the user at start (a store moved aside, a broken pack). */
  notices: string[];
  now: () => Date;
  /** The question bank (built-in plus --questions packs), loaded on first use. */
  bank(): QuestionBank;
  /** The drills whose files link to a checklist item (by the item's id). */
  linkedDrills(itemId: string): Array<{ id: string; title: string }>;
}

/** What screens may do to the app. */
export interface AppActions {
  open(screen: Screen): void;
  replace(screen: Screen): void;
  back(): void;
  /** Back, or replace the first screen with `screen`. */
  backOr(screen: Screen): void;
  quit(): void;
  /** Persist a change; a failed write shows in the status line and the change stays in memory. */
  update(mutate: (data: StoreData) => void): WriteResult;
  /** Run `save` before the app exits (q, Ctrl+C, SIGTERM). Returns an unregister function. */
  onExit(save: () => void): () => void;
}

/** The navigation's status line (see NavState.notice); Frame shows it. */
export const NoticeContext = createContext<string | undefined>(undefined);

export const ServicesContext = createContext<AppServices | undefined>(undefined);
export const ActionsContext = createContext<AppActions | undefined>(undefined);

export function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside <App>');
  return services;
}

export function useActions(): AppActions {
  const actions = useContext(ActionsContext);
  if (!actions) throw new Error('useActions outside <App>');
  return actions;
}

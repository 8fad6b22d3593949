/** Every screen of the app. Routes are just screen states; app.tsx switches on `name`. */
export type Screen =
  | { name: 'home' }
  | { name: 'checklist' }
  | { name: 'practice' }
  | { name: 'drill'; id: string }
  /** A mock interview: the question (else the least recently practised design question), its length, where `e` also writes. */
  | { name: 'mock'; id?: string; minutes?: number; reportPath?: string }
  | { name: 'calculator' }
  | { name: 'reference' }
  | { name: 'simulate' }
  | { name: 'review' }
  | { name: 'stats' }
  | { name: 'history' }
  /** One attempt, step review or mock report, by its id in history. */
  | { name: 'history-entry'; id: string }
  | { name: 'help'; scopes: readonly string[] };

export type ScreenName = Screen['name'];

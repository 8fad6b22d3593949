/** Every screen of the app. Routes are just screen states; app.tsx switches on `name`. */
export type Screen =
  | { name: 'home' }
  | { name: 'checklist' }
  | { name: 'practice' }
  | { name: 'drill'; id: string }
  | { name: 'calculator' }
  | { name: 'reference' }
  | { name: 'review' }
  | { name: 'stats' }
  | { name: 'history' }
  /** One attempt, step review or mock report, by its id in history. */
  | { name: 'history-entry'; id: string }

  | { name: 'help'; scopes: readonly string[] };

export type ScreenName = Screen['name'];

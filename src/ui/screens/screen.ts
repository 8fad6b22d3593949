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

  | { name: 'help'; scopes: readonly string[] };

export type ScreenName = Screen['name'];

declare const __GOCOFFEE_VERSION__: string | undefined;

/** Replaced at bundle time; read from package.json when run from sources (tests). */
export const VERSION: string =
  typeof __GOCOFFEE_VERSION__ === 'string'
    ? __GOCOFFEE_VERSION__
    : (await import('./content/package-version.js')).packageVersion();

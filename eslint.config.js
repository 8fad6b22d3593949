import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.tmp/**', 'kernel/**'] },
  ...tseslint.configs.recommended,
  // The rules of hooks, exhaustive effect dependencies and the React Compiler's checks (purity, refs,
  // no setState in effects or render) on every component and hook.
  {
    files: ['src/ui/**/*.{ts,tsx}', 'test/**/*.tsx', 'bench/**/*.tsx'],
    ...reactHooks.configs.flat['recommended-latest'],
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The engine is pure: no UI, no I/O, no clock, no global randomness.
    files: ['src/engine/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'os', 'child_process', 'process'],
              message: 'src/engine is pure: no Node APIs.',
            },
            {
              group: ['react', 'react/*', 'ink', 'ink-*', 'conf', 'marked', 'marked-terminal', 'yaml'],
              message: 'src/engine is pure: no UI or I/O libraries.',
            },
            {
              group: ['**/ui/**', '**/store/**', '**/content/**', '**/commands/**', '**/cli*'],
              message: 'src/engine may import only itself.',
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Inject a clock.' },
        { object: 'Math', property: 'random', message: 'Inject a seeded generator.' },
      ],
      'no-restricted-globals': ['error', 'process', 'setTimeout', 'setInterval', 'console'],
    },
  },
  {
    // One key table and one theme: keys reach screens through useKeys (bursts split, silenced under
    // the help), colours through theme.ts (NO_COLOR).
    files: ['src/ui/**/*.{ts,tsx}'],
    ignores: ['src/ui/keys/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'ink',
              importNames: ['useInput'],
              message: 'Use useKeys from src/ui/keys/use-keys.ts (same signature).',
            },
            { name: 'ink-select-input', message: 'Use components/menu.tsx: its keys are in the key table.' },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'JSXAttribute[name.name=/^(color|borderColor|backgroundColor)$/] > Literal',
          message: 'Colours come from src/ui/theme.ts (theme.accent, theme.bad …), which also honours NO_COLOR.',
        },
      ],
    },
  },
);

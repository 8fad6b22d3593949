import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.tmp/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The engine is pure: no UI, no I/O, no clock, no global randomness.
    files: ['src/engine/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'process'], message: 'src/engine is pure: no Node APIs.' },
          { group: ['react', 'react/*', 'ink', 'ink-*', 'conf', 'marked', 'marked-terminal', 'yaml'], message: 'src/engine is pure: no UI or I/O libraries.' },
          { group: ['**/ui/**', '**/store/**', '**/content/**', '**/commands/**', '**/cli*'], message: 'src/engine may import only itself.' },
        ],
      }],
      'no-restricted-properties': ['error',
        { object: 'Date', property: 'now', message: 'Inject a clock.' },
        { object: 'Math', property: 'random', message: 'Inject a seeded generator.' },
      ],
      'no-restricted-globals': ['error', 'process', 'setTimeout', 'setInterval', 'console'],
    },
  },
);

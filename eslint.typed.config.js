// @ts-check
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// The rules that need type information: slower (the TypeScript program is built), so they run as
// their own step (`npm run lint:types`, part of `npm test` and CI) rather than on every save.
export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'bench/results/', 'tests/e2e/artifacts/', '**/*.js', '**/*.mjs'] },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [tseslint.configs.base],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    // Known here so that the fast config's disable comments resolve; its rules run there.
    plugins: { 'react-hooks': reactHooks },
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    rules: {
      // A promise nobody awaits or handles loses its error: await it, return it, or mark the
      // fire-and-forget with `void` where failure is handled inside.
      '@typescript-eslint/no-floating-promises': 'error',
    },
  },
);

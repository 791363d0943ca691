import { configDefaults, defineConfig } from 'vitest/config';

// Real Chromium end-to-end tests: one build of the extension, then each file drives its own
// browser profiles. Files run one at a time: two Chromiums on a 2-core machine only add noise.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    // Firefox has its own suite, build and setup: vitest.firefox.config.ts.
    exclude: [...configDefaults.exclude, 'tests/e2e/firefox/**'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});

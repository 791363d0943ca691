import { defineConfig } from 'vitest/config';

// Real Firefox end-to-end tests (puppeteer-core over WebDriver BiDi): one build of the Firefox
// extension, then every test drives its own Firefox profile. One file at a time: two Firefoxes
// on a 2-core machine only add noise.
export default defineConfig({
  test: {
    include: ['tests/e2e/firefox/**/*.e2e.test.ts'],
    globalSetup: ['tests/e2e/firefox/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});

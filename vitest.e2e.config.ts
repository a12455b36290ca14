import { defineConfig } from 'vitest/config';

/** Browser tests: Playwright drives Debian's Chromium against the built renderer (`npm run e2e`). */
export default defineConfig({
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['test/e2e/**/*.e2e.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});

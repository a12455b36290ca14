import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

/**
 * Unit and component tests, split by runtime: `test/node` (shared, main-process services, the
 * data layer against fake-indexeddb) and `test/jsdom` (React components). Browser tests live in
 * `test/e2e` and run with `npm run e2e`.
 */
export default defineConfig({
  plugins: [react()],
  test: {
    // Real KDFs (Argon2id, scrypt) and real IndexedDB run in these tests; on a loaded 2-core
    // machine a flow can take seconds. Timeouts are a hang guard, not a speed check.
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/node/**/*.test.ts'],
          setupFiles: ['test/support/setup-node.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'jsdom',
          environment: 'jsdom',
          include: ['test/jsdom/**/*.test.{ts,tsx}'],
          setupFiles: ['test/support/setup-jsdom.ts'],
        },
      },
    ],
  },
});

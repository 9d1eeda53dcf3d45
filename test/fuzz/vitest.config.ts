import { defineConfig } from 'vitest/config';

// The fuzz run sends tens of thousands of requests, so it is kept out of `npm test`.
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/fuzz/**/*.fuzz.ts'],
    environment: 'node',
    testTimeout: 60 * 60 * 1000,
    hookTimeout: 60_000,
  },
});

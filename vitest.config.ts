import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'snippets',
          environment: 'node',
          include: ['test/snippets/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'run',
          environment: 'node',
          include: ['test/run/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'components',
          environment: 'jsdom',
          include: ['test/components/**/*.test.{ts,tsx}'],
          setupFiles: ['test/components/setup.ts'],
        },
      },
    ],
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['electron/**/*.test.ts', 'shared/**/*.test.ts', 'renderer/src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
    // Does nothing unless LARDER_TRACE_SQL is set (npm run pg:statements).
    setupFiles: ['test/support/trace-sql.ts'],
  },
});

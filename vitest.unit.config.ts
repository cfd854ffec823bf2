import { defineConfig } from 'vitest/config';

/**
 * The unit project (`npm run test:unit`): tests/unit only, no Neo4j started, done in seconds.
 * `npm test` (vitest.config.ts) runs these too, with the integration and browser tests.
 */
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    reporters: ['default', './tests/support/summaryReporter.ts'],
  },
});

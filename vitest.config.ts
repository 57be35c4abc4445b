import { defineConfig } from 'vitest/config';

// Browser and build tests drive Chromium and real builds on shared 2-core
// machines: generous time limits guard against hangs without making a slow
// moment a failure. (Timings are measured by benchmarks, never asserted here.)
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});

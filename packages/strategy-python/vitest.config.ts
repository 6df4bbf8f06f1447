import { defineConfig } from 'vitest/config';

// Python interpreters start slower than Node's workers on a loaded machine: generous bounds, never timing asserts.
export default defineConfig({
  test: { include: ['test/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 30_000 },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Java, chromium and CJK fonts, as the selected files need them: installed (root, apt) or one line saying how.
    globalSetup: ['tests/support/preflight-setup.ts'],
    // Each file runs in its own process: the local stack sets process-wide environment.
    pool: 'forks',
    maxWorkers: 2,
    // Lets the import reader's memory test collect garbage before it measures what is still held.
    execArgv: ['--expose-gc'],
    // Quiet handlers: no EMF metric lines, no logs, unless a test turns them on.
    env: { POWERTOOLS_METRICS_DISABLED: 'true', POWERTOOLS_LOG_LEVEL: 'SILENT' },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

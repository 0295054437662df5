// One local stack per test file, and a small HTTP client for it: what every end-to-end file
// starts with.
import { afterAll, beforeAll } from 'vitest';
import { localDate } from '../../core/calendar.ts';
import * as clock from '../../functions/shared/clock.ts';
import { invoke } from '../../local/invoke.ts';
import { type LocalStack, startLocalStack } from '../../local/stack.ts';

/**
 * The instant every end-to-end file's stack starts at (a Monday, 10:00 in Shanghai), running on
 * at the wall clock's pace: what a test registers "today" is the same day whenever the suite runs.
 */
export const FIXTURE_NOW = '2026-12-07T10:00:00+08:00';
/** The stack's clock: "now" as its handlers read it. */
export const clockNow = (): Date => clock.now();
/** The stack's date in Asia/Shanghai. */
export const today = (): string => localDate(clock.now());

export type Json = Record<string, any>;

export interface LocalApi {
  /** The running stack (set once beforeAll has run). */
  readonly stack: LocalStack;
  /** Errors the stack's workers reported; a test that expects none asserts it is empty. */
  readonly errors: unknown[];
  /** Runs the deadline sweep as of an instant, as `npm run schedule -- sweepDeadlines --at` does, and waits until its stages are acted on. */
  sweep(asOf: string): Promise<{ examined: number; enqueued: number; skipped: number }>;
  call(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<{ status: number; headers: Headers; body: Json }>;
}

let clockUsers = 0;

export function useLocalStack(options: { logLevel?: string; now?: string } = {}): LocalApi {
  let stack: LocalStack | undefined;
  const errors: unknown[] = [];
  beforeAll(async () => {
    // Silent unless a test reads the logs (the redaction check).
    process.env.POWERTOOLS_LOG_LEVEL = options.logLevel ?? 'SILENT';
    // Two stacks in one file (federation) share the process's clock: set once, by the first.
    if (clockUsers++ === 0) clock.setClock(options.now ?? FIXTURE_NOW);
    stack = await startLocalStack({ onError: (e) => errors.push(e) });
  });
  afterAll(async () => {
    await stack?.stop();
    if (--clockUsers === 0) clock.resetClock();
  });
  return {
    get stack() {
      if (!stack) throw new Error('the local stack is not running yet');
      return stack;
    },
    errors,
    async sweep(asOf) {
      const result = (await invoke('sweepDeadlines', { asOf })) as { examined: number; enqueued: number; skipped: number };
      await this.stack.drained();
      return result;
    },
    async call(method, path, options = {}) {
      const response = await fetch(`${this.stack.apiUrl}${path}`, {
        method,
        headers: {
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...options.headers,
        },
        ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      });
      const text = await response.text();
      return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : {}) as Json };
    },
  };
}

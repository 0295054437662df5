// A per-caller limit a function enforces itself, so the caller meets it as problem details with
// Retry-After. (API Gateway's route throttles stay as ceilings on a route's whole cost; an HTTP
// API answers those with its own plain `{"message"}`, which cannot be changed.)
import { HttpProblem } from './http.ts';
import { withinRateLimit } from './store/rate-limits.ts';

/** Counts one request of `caller` against `perMinute`; past it, a 429 saying what is limited and when to retry. */
export async function limitCaller(caller: string, perMinute: number, what: string): Promise<void> {
  // Real minutes (transport), not the business clock.
  const limit = await withinRateLimit(caller, perMinute, 60, new Date());
  if (!limit.allowed) {
    throw new HttpProblem(429, `At most ${perMinute} ${what} a minute from one caller; retry in ${limit.retryAfter} s`, [], { 'retry-after': String(limit.retryAfter) });
  }
}

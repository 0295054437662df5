// The local server throttles as the API Gateway stage does: a token bucket per route, with the
// route's own limits (people lookups, the certificate check) or the stage's default ones.
import { describe, expect, it } from 'vitest';
import { localRouteLimits, tokenBucket } from '../../local/http-server.ts';
import { routes, stageThrottle } from '../../wiring/index.ts';

describe('throttling in the local server', () => {
  it('gives every route its own limits, or the stage default', () => {
    const limits = localRouteLimits();
    for (const r of routes) expect(limits[`${r.method} ${r.path}`]).toEqual(r.throttle ?? stageThrottle);
    expect(limits['POST /v1/people/search']).toEqual({ ratePerSecond: 50, burst: 100 });
    expect(limits['GET /v1/cases']).toEqual({ ratePerSecond: 100, burst: 200 });
  });

  it('lets a burst through, refuses past it, and refills at the rate', () => {
    const bucket = tokenBucket({ ratePerSecond: 5, burst: 10 }, 0);
    expect(Array.from({ length: 12 }, () => bucket.take(0))).toEqual([...Array(10).fill(true), false, false]);
    expect(bucket.take(100)).toBe(false); // half a token
    expect(bucket.take(200)).toBe(true); // one token after 200 ms at 5 a second
    expect(bucket.take(200)).toBe(false);
    expect(Array.from({ length: 11 }, () => bucket.take(60_000)).filter(Boolean)).toHaveLength(10); // never more than the burst
  });
});

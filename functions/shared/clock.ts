// The one clock handlers and workers read "now" from: the wall clock in AWS. The local stack and
// the tests move it (to a fixture's instant, or a demo's), and it runs on from there at the wall
// clock's pace, so deadlines, reports and certificate validity never depend on the day a test runs.
// Transport times stay on the wall clock: token expiry, webhook signatures, leases, TTLs, latency.
let offsetMs = 0;

export const now = (): Date => new Date(Date.now() + offsetMs);

/** Moves the clock so that it reads `instant` now; local stack and tests only. */
export function setClock(instant: Date | string): void {
  const at = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(at)) throw new Error(`not an instant: ${String(instant)}`);
  offsetMs = at - Date.now();
}

/** Back to the wall clock. */
export function resetClock(): void {
  offsetMs = 0;
}

/** The instant a scheduled run acts as of: the operator's `asOf` (a run by hand), the schedule's own time, or now. */
export const scheduledAt = (event: { asOf?: string; time?: string }): Date => new Date(event.asOf ?? event.time ?? now());

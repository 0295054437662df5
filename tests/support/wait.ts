// Polling for what happens asynchronously (queues, streams, child processes), bounded in time.

/** Resolves with the probe's first defined value; fails after `timeoutMs`. */
export async function eventually<T>(probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Resolves once the probe is true; fails after `timeoutMs`. */
export const until = async (probe: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> => {
  await eventually(async () => ((await probe()) ? true : undefined), timeoutMs);
};

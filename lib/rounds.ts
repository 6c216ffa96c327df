/**
 * A background job of this process that never overlaps itself: calling the result starts `job` unless
 * a run is under way, and returns that run. A failure is logged under `failure` (and handed to
 * `onError`), never thrown: the next round tries again.
 */
export function oneRoundAtATime(job: () => Promise<unknown>, failure: string, onError?: (error: unknown) => void): () => Promise<unknown> {
  let running: Promise<unknown> | undefined;
  return () =>
    (running ??= job()
      .catch((error: unknown) => {
        onError?.(error);
        console.error(failure, error);
      })
      .finally(() => {
        running = undefined;
      }));
}

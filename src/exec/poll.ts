// Waiting for something to become true (an engine answering, a process gone): one polling loop for the project.

/** Ask `probe` every `intervalMs` until it returns true or `timeoutMs` has passed; true when it did in time. */
export const pollUntil = async (probe: () => boolean | Promise<boolean>, timeoutMs: number, intervalMs = 150): Promise<boolean> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await probe()) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, Math.min(intervalMs, Math.max(0, deadline - Date.now()))));
  }
};

/** How long a request waits for an event committed a moment ago to reach a consuming domain's projection. */
export const PROJECTION_LAG_MS = 3_000;

/**
 * Reads a projection row, and while there is none reads again for up to `waitMs`: a domain's projection trails
 * the events it is fed by (tens of ms), so a request about something created an instant ago waits for it
 * instead of calling it unknown.
 */
export async function readProjection<T>(
  read: () => Promise<T | undefined>,
  waitMs = PROJECTION_LAG_MS,
): Promise<T | undefined> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const row = await read();
    if (row !== undefined || Date.now() > deadline) return row;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The `wait` preference of RFC 7240 (`Prefer: wait=5`): how many seconds the caller is willing to
 * wait for the outcome of its request, at most `max`. Preferences are hints: one that is malformed
 * or not understood is ignored, as the RFC asks, and the request is served without waiting.
 */
export function preferredWait(header: string | readonly string[] | undefined, max: number): number | null {
  if (header === undefined) return null;
  let wait: number | null = null;
  for (const line of typeof header === 'string' ? [header] : header) {
    for (const preference of line.split(',')) {
      // A preference is token [= word] followed by optional parameters after ';'.
      const [token] = preference.split(';');
      const m = /^\s*wait\s*=\s*"?(\d{1,9})"?\s*$/i.exec(token);
      // The first occurrence wins (RFC 7240 §2).
      if (m && wait === null) wait = Math.min(Number(m[1]), max);
    }
  }
  return wait;
}

/**
 * A lookup table keyed by names read from source code. It has no prototype, so a call named `valueOf`,
 * `toString` or `constructor` in the user's code finds nothing instead of Object.prototype's methods
 * (`String.valueOf("…")` was once reported as a prompt sink that way).
 */
export function nameTable<T>(entries: Record<string, T>): Readonly<Record<string, T | undefined>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T | undefined>, entries));
}

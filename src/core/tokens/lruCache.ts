/**
 * A least-recently-used map from string keys to values, bounded by the total length of its keys
 * (the keys are prompt texts, so they, not the values, are what costs memory).
 */
export class StringKeyedLruCache<V> {
  private readonly entries = new Map<string, V>();
  private totalKeyChars = 0;

  constructor(private readonly maxTotalKeyChars: number) {}

  get size(): number {
    return this.entries.size;
  }

  get keyChars(): number {
    return this.totalKeyChars;
  }

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    // Map keeps insertion order: re-inserting marks the entry as most recently used.
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: string, value: V): void {
    if (key.length > this.maxTotalKeyChars) return;
    if (this.entries.delete(key)) this.totalKeyChars -= key.length;
    this.entries.set(key, value);
    this.totalKeyChars += key.length;
    while (this.totalKeyChars > this.maxTotalKeyChars) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
      this.totalKeyChars -= oldest.length;
    }
  }

  clear(): void {
    this.entries.clear();
    this.totalKeyChars = 0;
  }
}

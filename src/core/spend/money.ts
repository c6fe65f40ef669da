/** Summing dollars without showing float noise (0.1 + 0.2): round to a billionth of a dollar. */
export function roundUsd(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}

export function addTo(record: Record<string, number>, name: string, amount: number): void {
  record[name] = roundUsd((record[name] ?? 0) + amount);
}

/**
 * Which usage entry describes which LLM call. An entry with `file` + `line` matches the call of that file
 * whose lines, or one of whose prompts' lines, contain the line (the smallest such place when they nest),
 * else the call or prompt starting nearest to it within `nearLines` lines (line numbers drift as code is
 * edited); a prompt's line means its call. An entry with `name` matches every call with a prompt bound to a
 * variable of that name, or a prompt file of that name (`support.prompty` or `support`), only in `file` when
 * it gives one. When two entries match one call, the first in the file wins.
 */
import type { CallFinding } from '../scan/finding';
import { normalizeUsagePath, type UsagePromptEntry } from './usageFile';

/** A call's place, and its parts' (an entry naming a prompt's line or name means the prompt's call). */
export type FindingLocation = Pick<CallFinding, 'file' | 'startLine' | 'endLine' | 'kind'> & { name?: string; parts?: readonly PartLocation[] };

export interface PartLocation {
  startLine: number;
  endLine: number;
  name?: string;
}

export interface UsageMatchOptions {
  /**
   * The finding's path relative to the usage file's folder (usage paths are written that way). Default:
   * `finding.file` as it is, which is right when the scan ran from that folder.
   */
  fileKey?: (finding: FindingLocation) => string;
  /** How far a `line` may be from the start of a call or prompt it does not fall inside. Default 3. */
  nearLines?: number;
}

export const DEFAULT_NEAR_LINES = 3;

export interface UsageMatches {
  /** Per finding (same order as the input): its entry, or null when no entry describes it. */
  entryFor: (UsagePromptEntry | null)[];
  /** Entries that matched no call (a stale line number, a renamed variable …). */
  unmatchedEntries: UsagePromptEntry[];
  /** Entries that lost a call to an earlier entry. */
  conflicts: string[];
}

export function matchUsage(findings: readonly FindingLocation[], entries: readonly UsagePromptEntry[], options: UsageMatchOptions = {}): UsageMatches {
  const keyOf = options.fileKey ?? ((f: FindingLocation) => f.file);
  const keys = findings.map((f) => normalizeUsagePath(keyOf(f)));
  const near = options.nearLines ?? DEFAULT_NEAR_LINES;
  const entryFor: (UsagePromptEntry | null)[] = findings.map(() => null);
  const unmatchedEntries: UsagePromptEntry[] = [];
  const conflicts: string[] = [];

  for (const entry of entries) {
    const matched = entry.line !== undefined ? lineMatch(findings, keys, entry, near) : nameMatches(findings, keys, entry);
    if (matched.length === 0) unmatchedEntries.push(entry);
    for (const index of matched) {
      const earlier = entryFor[index];
      if (earlier) {
        conflicts.push(`${describeEntry(entry)} matches the same call (${keys[index]}:${findings[index].startLine}) as ${describeEntry(earlier)}; the first one is used`);
      } else {
        entryFor[index] = entry;
      }
    }
  }
  return { entryFor, unmatchedEntries, conflicts };
}

/**
 * The entry for one call. Pass the other calls of its file as `fileFindings` so that "nearest call" is
 * decided among them (as `matchUsage` does for a whole scan); without them the call is judged alone.
 */
export function matchUsageEntry(
  finding: FindingLocation,
  entries: readonly UsagePromptEntry[],
  options: UsageMatchOptions & { fileFindings?: readonly FindingLocation[] } = {},
): UsagePromptEntry | null {
  const all = options.fileFindings ? [...options.fileFindings] : [];
  let index = all.findIndex((f) => f === finding || (f.file === finding.file && f.startLine === finding.startLine && f.endLine === finding.endLine));
  if (index < 0) {
    all.push(finding);
    index = all.length - 1;
  }
  return matchUsage(all, entries, options).entryFor[index];
}

function lineMatch(findings: readonly FindingLocation[], keys: readonly string[], entry: UsagePromptEntry, near: number): number[] {
  const line = entry.line!;
  let inside = -1;
  let insideSpan = Infinity;
  let nearest = -1;
  let nearestDistance = Infinity;
  findings.forEach((f, i) => {
    if (keys[i] !== entry.file) return;
    for (const place of [f, ...(f.parts ?? [])]) {
      if (place.startLine <= line && line <= place.endLine) {
        if (inside < 0 || span(place) < insideSpan) {
          inside = i;
          insideSpan = span(place);
        }
      } else if (Math.abs(place.startLine - line) <= near) {
        if (nearest < 0 || Math.abs(place.startLine - line) < nearestDistance) {
          nearest = i;
          nearestDistance = Math.abs(place.startLine - line);
        }
      }
    }
  });
  if (inside >= 0) return [inside];
  return nearest >= 0 ? [nearest] : [];
}

function nameMatches(findings: readonly FindingLocation[], keys: readonly string[], entry: UsagePromptEntry): number[] {
  const out: number[] = [];
  findings.forEach((f, i) => {
    if (entry.file !== undefined && keys[i] !== entry.file) return;
    if (f.name === entry.name || f.parts?.some((p) => p.name === entry.name) || (f.kind === 'file' && promptFileNames(keys[i]).includes(entry.name!))) out.push(i);
  });
  return out;
}

const span = (f: PartLocation): number => f.endLine - f.startLine;

/** `prompts/support.prompt.md` → [`support.prompt.md`, `support`]. */
export function promptFileNames(file: string): string[] {
  const base = file.slice(file.lastIndexOf('/') + 1);
  const stem = base.includes('.') ? base.slice(0, base.indexOf('.')) : base;
  return stem && stem !== base ? [base, stem] : [base];
}

export function describeEntry(entry: UsagePromptEntry): string {
  const what = entry.line !== undefined ? `${entry.file}:${entry.line}` : entry.file ? `${entry.name} in ${entry.file}` : entry.name;
  return entry.at.line === null ? `usage entry ${what}` : `usage entry ${what} (line ${entry.at.line})`;
}

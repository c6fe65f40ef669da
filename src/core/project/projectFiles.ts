/**
 * The other files of a project, as prompts imported across files need them: the text an open editor holds
 * (its unsaved edits count) or else the file on disk, with the constants read from each kept until it
 * changes. Plain Node: the pipeline worker reads imported modules itself, so nothing is sent for them.
 */
import * as fs from 'fs';

/** A module bigger than this is generated data, not a prompts module: not read. */
const MAX_MODULE_BYTES = 1024 * 1024;
/** Files whose derived values are kept (least recently used go first). */
const MAX_KEPT_MODULES = 200;

/** How long a file's existence (and what `recent` computed) is trusted: long enough for a scan's burst, short enough for an editor. */
const RECENT_TTL_MS = 2000;
const MAX_RECENT_ENTRIES = 20000;

export interface ProjectText {
  text: string;
  /** Changes whenever the text may have: the editor's version, or the file's size and modification time. */
  stamp: string;
}

export class ProjectFiles {
  private readonly open = new Map<string, { text: string; version: number }>();
  /** What was read from a file (its constants, its models…), by file and kind, while its stamp holds. */
  private readonly derived = new Map<string, { stamp: string; value: unknown }>();
  private versions = 0;
  private readonly recentValues = new Map<string, { value: unknown; at: number }>();

  /** The editor's current text of `file` (it is analysed): imports of it read this, not the disk. */
  setOpenText(file: string, text: string): void {
    const known = this.open.get(file);
    if (known?.text === text) return;
    this.open.set(file, { text, version: ++this.versions });
  }

  closeFile(file: string): void {
    this.open.delete(file);
  }

  /** Whether `file` exists; remembered for a moment, since every file of a scan looks for the same configuration files. */
  isFile(file: string): boolean {
    if (this.open.has(file)) return true;
    return this.recent(`isFile\u0000${file}`, () => {
      try {
        return fs.statSync(file).isFile();
      } catch {
        return false;
      }
    });
  }

  /** The text of `file`, or null when it cannot be read or is too big to be a prompts module. */
  read(file: string): ProjectText | null {
    const open = this.open.get(file);
    if (open) return { text: open.text, stamp: `open:${open.version}` };
    try {
      const stat = fs.statSync(file);
      if (!stat.isFile() || stat.size > MAX_MODULE_BYTES) return null;
      return { text: fs.readFileSync(file, 'utf8'), stamp: `disk:${stat.size}:${stat.mtimeMs}` };
    } catch {
      return null;
    }
  }

  /**
   * `compute()`, or its value for `key` computed less than a moment ago (see RECENT_TTL_MS): the files of
   * one folder all look for the same configuration, so a scan asks once per folder, an editor soon again.
   */
  recent<T>(key: string, compute: () => T): T {
    const now = Date.now();
    const known = this.recentValues.get(key);
    if (known && now - known.at < RECENT_TTL_MS) return known.value as T;
    const value = compute();
    if (this.recentValues.size > MAX_RECENT_ENTRIES) this.recentValues.clear();
    this.recentValues.set(key, { value, at: now });
    return value;
  }

  /** What `read` derived from `file` under `kind` when its text had `stamp`, if still current. */
  kept<T>(file: string, kind: string, stamp: string): T | undefined {
    const key = `${kind}\u0000${file}`;
    const kept = this.derived.get(key);
    if (!kept || kept.stamp !== stamp) return undefined;
    this.derived.delete(key);
    this.derived.set(key, kept); // most recently used last
    return kept.value as T;
  }

  keep<T>(file: string, kind: string, stamp: string, value: T): void {
    const key = `${kind}\u0000${file}`;
    this.derived.delete(key);
    this.derived.set(key, { stamp, value });
    if (this.derived.size > MAX_KEPT_MODULES) this.derived.delete(this.derived.keys().next().value!);
  }
}

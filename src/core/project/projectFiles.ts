/**
 * The other files of a project, as prompts imported across files need them: the text an open editor holds
 * (its unsaved edits count) or else the file on disk, with the constants read from each kept until it
 * changes. Plain Node: the pipeline worker reads imported modules itself, so nothing is sent for them.
 */
import * as fs from 'fs';
import type { ModuleConstant } from '../prompts/modules/moduleReader';

/** A module bigger than this is generated data, not a prompts module: not read. */
const MAX_MODULE_BYTES = 1024 * 1024;
/** Modules whose constants are kept (least recently used go first). */
const MAX_KEPT_MODULES = 200;

export interface ProjectText {
  text: string;
  /** Changes whenever the text may have: the editor's version, or the file's size and modification time. */
  stamp: string;
}

export class ProjectFiles {
  private readonly open = new Map<string, { text: string; version: number }>();
  private readonly constants = new Map<string, { stamp: string; constants: Map<string, ModuleConstant> }>();
  private versions = 0;

  /** The editor's current text of `file` (it is analysed): imports of it read this, not the disk. */
  setOpenText(file: string, text: string): void {
    const known = this.open.get(file);
    if (known?.text === text) return;
    this.open.set(file, { text, version: ++this.versions });
  }

  closeFile(file: string): void {
    this.open.delete(file);
  }

  isFile(file: string): boolean {
    if (this.open.has(file)) return true;
    try {
      return fs.statSync(file).isFile();
    } catch {
      return false;
    }
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

  /** The constants of `file` read when its text had `stamp`, if still current. */
  keptConstants(file: string, stamp: string): Map<string, ModuleConstant> | undefined {
    const kept = this.constants.get(file);
    if (!kept || kept.stamp !== stamp) return undefined;
    this.constants.delete(file);
    this.constants.set(file, kept); // most recently used last
    return kept.constants;
  }

  keepConstants(file: string, stamp: string, constants: Map<string, ModuleConstant>): void {
    this.constants.delete(file);
    this.constants.set(file, { stamp, constants });
    if (this.constants.size > MAX_KEPT_MODULES) this.constants.delete(this.constants.keys().next().value!);
  }
}

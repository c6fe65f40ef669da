/**
 * Walks the paths a user asks to scan, the way git sees the tree: .gitignore files (nested ones too)
 * are honoured, `.git` and `node_modules` are never entered, and symbolic links are not followed.
 */
import * as fs from 'fs';
import * as path from 'path';
import ignore, { type Ignore } from 'ignore';
import { languageForFile } from '../prompts/sourceLanguage';
import type { SourceLanguage } from '../prompts/prompt';

export interface SourceFile {
  path: string;
  language: SourceLanguage;
  size: number;
}

export interface SkippedFile {
  path: string;
  reason: string;
}

export interface SourceFileListing {
  files: SourceFile[];
  skipped: SkippedFile[];
}

const NEVER_ENTER = new Set(['.git', 'node_modules', '.hg', '.svn']);

interface IgnoreScope {
  base: string;
  rules: Ignore;
}

function readGitignore(dir: string): IgnoreScope | null {
  try {
    const text = fs.readFileSync(path.join(dir, '.gitignore'), 'utf8');
    return { base: dir, rules: ignore().add(text) };
  } catch {
    return null;
  }
}

function isIgnored(scopes: readonly IgnoreScope[], full: string, isDir: boolean): boolean {
  for (const scope of scopes) {
    const rel = path.relative(scope.base, full).split(path.sep).join('/');
    if (!rel || rel.startsWith('..')) continue;
    if (scope.rules.ignores(isDir ? `${rel}/` : rel)) return true;
  }
  return false;
}

/** Lists the files the engine can read under `roots`; files over `maxBytes` are reported as skipped. */
export function listSourceFiles(roots: readonly string[], maxBytes: number): SourceFileListing {
  const files: SourceFile[] = [];
  const skipped: SkippedFile[] = [];
  const seen = new Set<string>();

  const consider = (full: string, size: number): void => {
    if (seen.has(full)) return;
    seen.add(full);
    const language = languageForFile(full);
    if (!language) return;
    if (size > maxBytes) {
      skipped.push({ path: full, reason: `larger than ${maxBytes} bytes` });
      return;
    }
    files.push({ path: full, language, size });
  };

  const walk = (dir: string, scopes: IgnoreScope[]): void => {
    const own = readGitignore(dir);
    const active = own ? [...scopes, own] : scopes;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      skipped.push({ path: dir, reason: `unreadable: ${(error as Error).message}` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (NEVER_ENTER.has(entry.name) || isIgnored(active, full, true)) continue;
        walk(full, active);
      } else if (entry.isFile()) {
        if (isIgnored(active, full, false)) continue;
        if (!languageForFile(full)) continue;
        consider(full, fs.statSync(full).size);
      }
    }
  };

  for (const root of roots) {
    const full = path.resolve(root);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(full);
    } catch {
      skipped.push({ path: full, reason: 'not found' });
      continue;
    }
    if (stat.isDirectory()) walk(full, ancestorsIgnore(full));
    else consider(full, stat.size);
  }
  return { files, skipped };
}

/** .gitignore files above a scan root still apply to it (up to the repository root). */
function ancestorsIgnore(dir: string): IgnoreScope[] {
  const scopes: IgnoreScope[] = [];
  let current = path.dirname(dir);
  while (current !== path.dirname(current)) {
    const scope = readGitignore(current);
    if (scope) scopes.unshift(scope);
    if (fs.existsSync(path.join(current, '.git'))) break;
    current = path.dirname(current);
  }
  return scopes;
}

/** A NUL byte in the first 8 KiB marks a binary file, as git decides. */
export function looksBinary(buffer: Buffer): boolean {
  return buffer.subarray(0, 8192).includes(0);
}

/**
 * Which spend sources the editor polls: its own settings, or else the `spend:` section of the workspace's
 * `.promptcost.yml`. Settings win when they enable any source (they are the user's); otherwise the file's
 * sources, budget, time zone and interval apply, with a daily/monthly budget from the settings still
 * winning (a personal limit). A URL written in the file is chosen by whoever can commit to the repository,
 * so in an untrusted workspace a source with one is dropped; in a trusted one it is used, and the stored
 * key's origin binding (checked by the sources) keeps a key entered for another origin from going there.
 */
import { parseSpendConfig, SpendConfigError, type SpendConfig } from './spendConfig';

export interface WorkspaceSpendInput {
  /** The spend section as written (plain data), or undefined when the file has none / there is no file. */
  spend: unknown;
  /** For messages, e.g. `.promptcost.yml`. */
  fileName: string;
  /** VS Code's workspace trust. */
  trusted: boolean;
}

export interface MergedSpendConfig {
  config: SpendConfig;
  /** Where the sources came from. */
  from: 'settings' | 'file';
  /** Ids of sources whose URL the workspace file chose (a key for them must be entered for that origin). */
  workspaceUrlSources: string[];
  /** Why part of the file was not used. */
  problems: string[];
}

export function mergeSpendConfig(settings: SpendConfig, file: WorkspaceSpendInput | null): MergedSpendConfig {
  const fromSettings: MergedSpendConfig = { config: settings, from: 'settings', workspaceUrlSources: [], problems: [] };
  if (settings.sources.length > 0 || !file || file.spend === undefined || file.spend === null) return fromSettings;
  let parsed: SpendConfig;
  try {
    parsed = parseSpendConfig(file.spend);
  } catch (error) {
    const message = error instanceof SpendConfigError ? error.message : String(error);
    return { ...fromSettings, problems: [`${file.fileName}: ${message} (its spend section is ignored until fixed)`] };
  }
  const problems: string[] = [];
  const workspaceUrlSources: string[] = [];
  const sources = parsed.sources.filter((source) => {
    if (source.url === undefined) return true;
    if (!file.trusted) {
      problems.push(`${file.fileName}: spend source '${source.id}' is ignored: its URL comes from the workspace, which is not trusted`);
      return false;
    }
    workspaceUrlSources.push(source.id);
    return true;
  });
  return {
    config: {
      sources,
      budget: {
        daily: settings.budget.daily ?? parsed.budget.daily,
        monthly: settings.budget.monthly ?? parsed.budget.monthly,
        thresholds: [...parsed.budget.thresholds],
      },
      timeZone: parsed.timeZone ?? settings.timeZone,
      intervalMinutes: parsed.intervalMinutes,
    },
    from: 'file',
    workspaceUrlSources,
    problems,
  };
}

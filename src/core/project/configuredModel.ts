/**
 * The model a project's configuration names, for calls whose code does not: Spring AI / LangChain4j
 * `application.properties|yml` (`spring.ai.openai.chat.options.model`), .NET `appsettings.json`
 * (`ChatDeploymentName`, `ModelId`…), a `.env.example` (`OPENAI_MODEL=gpt-4o`), a JSON task file the
 * code reads `model` from, and a Prompt flow `flow.dag.yaml` node that runs the prompt file. The nearest
 * folder with such a file wins; a value must look like a model id (never a variable or key name).
 */
import * as path from 'path';
import YAML from 'yaml';
import { looksLikeModelId } from '../prompts/evidence';
import type { SourceLanguage } from '../prompts/prompt';
import type { ProjectFiles } from './projectFiles';

export interface ConfiguredModel {
  model: string;
  /** The configuration file (absolute) and the 1-based line of the value. */
  file: string;
  line: number;
}

type ConfigReader = (text: string, file: string, from: { filePath: string; source: string }) => ConfiguredModel | null;

/** The code looks a `model` key up by name: `task.get("model")`, `config["model"]`. */
const READS_MODEL_KEY = /\[\s*["']model["']\s*\]|\.get\(\s*["']model["']/;

/** How far up from the file's folder configuration is looked for (a Java package is often 6+ folders deep). */
const MAX_LEVELS = 10;
/** Model keys of other modalities: never the chat model. */
const NOT_CHAT = /embed|image|audio|speech|transcri|whisper|dall-?e|tts|moderation|rerank/i;

const JVM = ['java', 'kotlin'];
const DOTNET = ['csharp', 'appsettings'];
const SCRIPTS = ['python', 'typescript', 'typescriptreact', 'javascript', 'javascriptreact', 'ipynb'];
const PROMPT_FILES = ['jinja', 'prompty', 'prompt', 'mustache', 'handlebars', 'plaintext', 'markdown'];

/** The configuration files to look for in one folder, for a file of `language`. */
function configFilesIn(dir: string, language: SourceLanguage, level: number): { file: string; read: ConfigReader }[] {
  if (JVM.includes(language)) {
    return ['application.properties', 'application.yml', 'application.yaml'].flatMap((name) => [
      { file: path.join(dir, 'src', 'main', 'resources', name), read: name.endsWith('properties') ? readProperties : readYamlKeys },
      { file: path.join(dir, name), read: name.endsWith('properties') ? readProperties : readYamlKeys },
    ]);
  }
  if (DOTNET.includes(language)) return ['appsettings.json', 'appsettings.Development.json'].map((name) => ({ file: path.join(dir, name), read: readAppSettings }));
  if (SCRIPTS.includes(language)) {
    const env = ['.env.example', '.env.sample', '.env.template', 'example.env', 'sample.env', '.env.local.example'].map((name) => ({ file: path.join(dir, name), read: readEnvFile }));
    const json = level <= 2 ? ['task.json', 'config.json', 'settings.json'].map((name) => ({ file: path.join(dir, name), read: readTaskJson })) : [];
    return [...env, ...json];
  }
  if (PROMPT_FILES.includes(language) && level === 0) return [{ file: path.join(dir, 'flow.dag.yaml'), read: readFlowDag }];
  return [];
}

/** The model the configuration of `filePath`'s project names, or null. */
export function configuredModel(filePath: string, language: SourceLanguage, source: string, files: ProjectFiles): ConfiguredModel | null {
  // The answer depends on the folder, the kind of file and (task files, flow nodes) on the file itself.
  const readsModelKey = READS_MODEL_KEY.test(source);
  const perFile = PROMPT_FILES.includes(language);
  const key = `model\u0000${perFile ? filePath : path.dirname(filePath)}\u0000${languageGroup(language)}\u0000${readsModelKey}`;
  return files.recent(key, () => searchConfiguredModel(filePath, language, source, files));
}

/** Languages that look for the same configuration files. */
function languageGroup(language: SourceLanguage): string {
  return JVM.includes(language) ? 'jvm' : DOTNET.includes(language) ? 'dotnet' : SCRIPTS.includes(language) ? 'scripts' : language;
}

function searchConfiguredModel(filePath: string, language: SourceLanguage, source: string, files: ProjectFiles): ConfiguredModel | null {
  let dir = path.dirname(filePath);
  for (let level = 0; level < MAX_LEVELS; level++) {
    for (const { file, read } of configFilesIn(dir, language, level)) {
      if (!files.isFile(file)) continue;
      const text = files.read(file);
      if (!text) continue;
      const found = read(text.text, file, { filePath, source });
      if (found) return found;
    }
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return null;
}

function lineOf(text: string, index: number): number {
  return index < 0 ? 1 : text.slice(0, index).split('\n').length;
}

function modelValue(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const v = value.trim();
  return !v.includes('${') && looksLikeModelId(v.replace(/^[\w-]+:/, '')) ? v : null;
}

/** Spring AI / LangChain4j keys: `spring.ai.<provider>.chat.options.model`, `langchain4j.<provider>.chat-model.model-name`. */
function isJvmModelKey(key: string): boolean {
  const k = key.toLowerCase();
  return /^(spring\.ai|langchain4j)\./.test(k) && /\.(model|model-name|modelname|model_name|model-id|deployment-name|deployment_name)$/.test(k) && !NOT_CHAT.test(k);
}

const readProperties: ConfigReader = (text, file) => {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const m = /^\s*([\w.[\]-]+)\s*[=:]\s*(.*?)\s*$/.exec(lines[i]);
    const model = m && isJvmModelKey(m[1]) ? modelValue(m[2]) : null;
    if (model) return { model, file, line: i + 1 };
  }
  return null;
};

/** Every string leaf of a parsed document with its dotted key, in document order. */
function leaves(value: unknown, prefix: string, out: { key: string; value: string }[] = []): { key: string; value: string }[] {
  if (typeof value === 'string') out.push({ key: prefix, value });
  else if (Array.isArray(value)) value.forEach((v, i) => leaves(v, `${prefix}.${i}`, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) leaves(v, prefix ? `${prefix}.${k}` : k, out);
  return out;
}

/** The line of `value` written after its key's last segment (`model: gpt-4o`, `"ModelId": "gpt-4o"`). */
function lineOfValue(text: string, key: string, value: string): number {
  const last = key.split('.').pop()!;
  const escaped = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`["']?${escaped(last)}["']?\\s*[:=]\\s*["']?${escaped(value)}`).exec(text);
  return lineOf(text, m ? m.index : -1);
}

function parseYaml(text: string): unknown {
  try {
    return YAML.parse(text, { maxAliasCount: 100 });
  } catch {
    return null;
  }
}

const readYamlKeys: ConfigReader = (text, file) => {
  for (const leaf of leaves(parseYaml(text), '')) {
    const model = isJvmModelKey(leaf.key) ? modelValue(leaf.value) : null;
    if (model) return { model, file, line: lineOfValue(text, leaf.key, leaf.value) };
  }
  return null;
};

/** JSON with `//` and `/* *\/` comments (appsettings.json has them), comments blanked outside strings. */
function parseJsonc(text: string): unknown {
  const stripped = text.replace(/("(?:[^"\\]|\\.)*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (m, str: string | undefined) => str ?? m.replace(/[^\n]/g, ' ')).replace(/,(\s*[}\]])/g, '$1');
  try {
    return JSON.parse(stripped.replace(/^\uFEFF/, ''));
  } catch {
    return null;
  }
}

/** .NET: `ChatDeploymentName`, `ModelId`, `Deployment`, `TextModel`…; a chat or completion section first. */
const readAppSettings: ConfigReader = (text, file) => {
  const candidates = leaves(parseJsonc(text), '').filter((l) => /(model|deployment)(id|name)?$/i.test(l.key.split('.').pop()!) && !NOT_CHAT.test(l.key) && modelValue(l.value));
  const best = candidates.find((l) => /chat|completion|text|llm/i.test(l.key)) ?? candidates[0];
  return best ? { model: modelValue(best.value)!, file, line: lineOfValue(text, best.key, best.value) } : null;
};

const readEnvFile: ConfigReader = (text, file) => {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const m = /^\s*(?:export\s+)?([A-Z0-9_]+)\s*=\s*["']?([^"'#\s]+)/.exec(lines[i]);
    const model = m && /(^|_)(MODEL|MODEL_NAME|MODEL_ID|DEPLOYMENT|DEPLOYMENT_NAME|CHAT_MODEL|LLM)$/.test(m[1]) && !NOT_CHAT.test(m[1]) ? modelValue(m[2]) : null;
    if (model) return { model, file, line: i + 1 };
  }
  return null;
};

/** `task.json` / `config.json` with a top-level `"model"`, only when the code looks `model` up by name (`task.get("model")`). */
const readTaskJson: ConfigReader = (text, file, from) => {
  if (!READS_MODEL_KEY.test(from.source)) return null;
  const data = parseJsonc(text);
  const model = data && typeof data === 'object' && !Array.isArray(data) ? modelValue((data as Record<string, unknown>).model) : null;
  return model ? { model, file, line: lineOfValue(text, 'model', model) } : null;
};

/** Prompt flow: the node whose `source.path` is this prompt file, its `deployment_name` or `model` input. */
const readFlowDag: ConfigReader = (text, file, from) => {
  const data = parseYaml(text) as { nodes?: unknown } | null;
  const nodes = data && Array.isArray(data.nodes) ? (data.nodes as Record<string, unknown>[]) : [];
  const name = path.basename(from.filePath);
  for (const node of nodes) {
    const source = node?.source as Record<string, unknown> | undefined;
    const inputs = node?.inputs as Record<string, unknown> | undefined;
    if (!source || !inputs || source.path !== name) continue;
    const model = modelValue(inputs.deployment_name) ?? modelValue(inputs.model);
    if (model) return { model, file, line: lineOfValue(text, inputs.deployment_name ? 'deployment_name' : 'model', model) };
  }
  return null;
};

/**
 * Language-independent judgements about a string or a name: does it look like a prompt, like a model
 * id, or like something that is certainly not a prompt (SQL, a URL, a path, a regex, HTML, a log line)?
 * Language modules decide *where* a string sits in the tree; this module judges *what* it says.
 */
import type { PromptEvidence } from './prompt';

/** Splits `systemPrompt`, `SYSTEM_PROMPT`, `system-prompt` into lower-case words. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

const PROMPT_NAME_WORDS = new Set(['prompt', 'prompts', 'instruction', 'instructions', 'template', 'templates', 'preamble', 'persona']);

/** `*prompt*`, `*instruction*`, `*template*`, `SYSTEM_*`, `systemMessage`… */
export function isPromptName(name: string): boolean {
  const words = nameWords(name);
  if (words.some((w) => PROMPT_NAME_WORDS.has(w))) return true;
  if (/^SYSTEM(_|$)/.test(name)) return true;
  return words[0] === 'system' && words.length <= 3 && words.slice(1).every((w) => ['msg', 'message', 'text', 'content', 'role'].includes(w));
}

const INSTRUCTION_CUES = [
  /\byou are\b/i, /\byou're\b/i, /\byour (task|job|role|goal)\b/i, /\bact as\b/i, /\bassistant\b/i,
  /\b(answer|respond|reply|summari[sz]e|translate|classify|extract|rewrite|generate|explain|describe|list|identify|analy[sz]e|write|review|return|output|categori[sz]e|suggest|draft|convert)\b/i,
  /\b(given|based on|using) (the|this|these|following)\b/i, /\bthe following\b/i, /\bstep[- ]by[- ]step\b/i,
  /\b(do not|don't|never|always|must|should)\b/i, /\bjson\b/i, /\b(question|context|instructions?)\s*:/i,
  /^(system|user|assistant|human)\s*:/im, /\bplease\b/i,
  // Starts with an imperative verb: "Review the diff…", "Summarize…".
  /^(answer|respond|reply|summari[sz]e|translate|classify|extract|rewrite|generate|explain|describe|list|identify|analy[sz]e|write|review|categori[sz]e|suggest|draft|convert|create|tell|give|compose)\b/i,
];

/** True when `text` reads like instructions to a model rather than data, UI copy or a message. */
export function readsAsInstructions(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.length < 16) return false;
  if (trimmed.split(/\s+/).length < 4) return false;
  if (nonPromptReason(trimmed)) return false;
  let score = 0;
  for (const cue of INSTRUCTION_CUES) if (cue.test(trimmed)) score++;
  return score >= 2 || (score >= 1 && trimmed.length >= 60);
}

/** Why `text` is certainly not a prompt, or null when it may be one. */
export function nonPromptReason(text: string): string | null {
  const t = text.trim();
  if (!t) return 'empty';
  if (/^(https?|wss?|ftp|file|s3|gs):\/\/\S*$/i.test(t)) return 'url';
  if (!/\s/.test(t) && /^(\.{0,2}\/|~\/|[A-Za-z]:\\|\/)[^\s]*$/.test(t)) return 'path';
  if (/^(SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|DROP|WITH|MERGE|UPSERT)\b[\s\S]*\b(FROM|INTO|SET|TABLE|WHERE|VALUES|AS|INDEX)\b/i.test(t)
    && !/\b(you are|you're|assistant)\b/i.test(t)) return 'sql';
  if (/^<(!doctype|html|head|body|div|span|p|table|tr|td|ul|ol|li|a|h[1-6]|section|img|form|input|button|svg)\b[\s\S]*>$/i.test(t)) return 'html';
  if (!/\s/.test(t) && (/\\[dwsbDWSB]/.test(t) || /\(\?[:=!<]/.test(t) || /^\^.*\$$/.test(t))) return 'regex';
  return null;
}

/** Argument names that carry the model id, across SDKs and languages (compare case-insensitively). */
export const MODEL_ARGUMENT_NAMES = ['model', 'model_name', 'modelname', 'model_id', 'modelid', 'deployment', 'deployment_name', 'deploymentname', 'azure_deployment', 'engine', 'llm_model'];

/** Argument names that carry the output budget of a call. */
export const MAX_OUTPUT_ARGUMENT_NAMES = ['max_tokens', 'max_output_tokens', 'max_completion_tokens', 'maxtokens', 'maxoutputtokens', 'max_new_tokens', 'maxcompletiontokens', 'num_predict'];

const SECRET_WORDS = new Set(['key', 'apikey', 'secret', 'token', 'endpoint', 'password']);
const CONNECTION_WORDS = new Set([...SECRET_WORDS, 'url', 'uri', 'baseurl', 'host', 'credential', 'credentials']);

/**
 * True for the name of a setting or type that holds a key, token, secret or address, never a model
 * (`apiKey`, `WithToken`, `baseUrl`, `WithBaseURL`, `AzureKeyCredential`, `Uri`): its arguments are not read as models.
 */
export function isConnectionSettingName(name: string): boolean {
  return nameWords(name).some((w) => CONNECTION_WORDS.has(w));
}

/**
 * True for an environment-variable or setting name (SCREAMING_SNAKE_CASE: `AZURE_OPENAI_DEPLOYMENT_NAME`) or a
 * name of a key, secret, token or endpoint (`mistral-api-key`): whatever it is written as, never a model.
 */
export function isVariableOrSecretName(text: string): boolean {
  const t = text.trim();
  return /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/.test(t) || nameWords(t).some((w) => SECRET_WORDS.has(w));
}

/**
 * True when a string literal looks like a model id (`gpt-4o`, `claude-sonnet-4-5`, `openai/gpt-4.1`).
 * Never an environment variable or setting name (`MISTRAL_AI_API_KEY`, `GPT4_DEPLOYMENT`: SCREAMING_SNAKE_CASE)
 * nor a name of a key, secret, token or endpoint (`mistral-api-key`).
 */
export function looksLikeModelId(text: string): boolean {
  const t = text.trim();
  if (!t || t.length > 100 || /\s/.test(t)) return false;
  if (isVariableOrSecretName(t)) return false;
  return /^([\w.-]+\/)*(gpt-|chatgpt-|o[1-9]\b|o[1-9]-|claude|gemini|gemma|llama|meta-llama|mistral|mixtral|codestral|ministral|magistral|pixtral|deepseek|grok|command|qwen|phi-|text-embedding|davinci|babbage|sonar|kimi|glm|nova|titan|jamba)/i.test(t);
}

/** Evidence strength, for keeping the strongest when the same string is reached twice. */
export function evidenceRank(e: PromptEvidence): number {
  return e === 'call' ? 3 : e === 'flow' ? 2 : e === 'file' ? 1 : 0;
}

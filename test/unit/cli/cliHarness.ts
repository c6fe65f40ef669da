/** Runs a command function with an injected io, mapping a UsageError to exit 2 exactly as `runCli` in main.ts does. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { UsageError } from '../../../src/cli/args';
import type { CliIo } from '../../../src/cli/cliIo';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCommand(command: (argv: readonly string[], io: CliIo) => Promise<number>, argv: string[], cwd: string): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { cwd, env: {}, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) };
  try {
    const code = await command(argv, io);
    return { code, stdout, stderr };
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return { code: 2, stdout, stderr: stderr + `prompt-cost: ${error.message}\n` };
  }
}

export function tempTree(files: Record<string, string>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'pcl-sim-')));
  writeFiles(dir, files);
  return dir;
}

export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  }
}

/** A Python file calling `classic-llm` (priced by override at $0.5/1M in and out) with SYSTEM_PROMPT on line 5. */
export function supportBot(systemPrompt: string): string {
  return `from openai import OpenAI

client = OpenAI()

SYSTEM_PROMPT = "${systemPrompt}"

def answer(question):
    return client.chat.completions.create(
        model="classic-llm",
        max_tokens=300,
        messages=[
            {"role": "system", "content": SYSTEM_PROMPT},
            {"role": "user", "content": f"Customer question: {question}"},
        ],
    )
`;
}

/** The process surface a command may touch, passed in so commands can run in tests without a child process. */
export interface CliIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout(text: string): void;
  stderr(text: string): void;
}

/** The CLI surface plus an injectable stdin (tests pass text; the real CLI reads process.stdin). */
export interface StdinIo extends CliIo {
  readStdin?: () => Promise<string>;
}

/** All of the process's standard input, as UTF-8. */
export async function readProcessStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** The process surface a command may touch, passed in so commands can run in tests without a child process. */
export interface CliIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout(text: string): void;
  stderr(text: string): void;
}

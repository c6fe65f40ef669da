/** `prompt-cost`: the command-line face of the engine. Exit codes: 0 ok, 1 a guardrail tripped, 2 bad arguments. */
import { isMainThread } from 'worker_threads';
import { UsageError } from './args';
import type { CliIo } from './cliIo';
import { applyCachedCatalogue } from './cliCatalogue';
import { compressCommand } from './compressCommand';
import { countCommand } from './countCommand';
import { diffCommand } from './diffCommand';
import { pricesCommand } from './pricesCommand';
import { scanCommand } from './scanCommand';
import { simulateCommand } from './simulateCommand';
import { spendCommand } from './spendCommand';

const VERSION = '0.1.0';

const HELP = `prompt-cost ${VERSION} — token and cost estimates for the LLM prompts in your code

Usage: prompt-cost <command> [options]

Commands:
  scan [paths…]     find prompts, count tokens, price them per model (default: .)
  count --model M   tokens of a file (or stdin) for one model, and how they were counted
  compress [file]   make a prompt cheaper; placeholders and protected spans always survive
  simulate          monthly cost from volumes (.promptcost.yml usage) or one ad-hoc case
  diff --base REF   change in monthly cost per call against a git revision (Markdown)
  spend             today's LLM spend from your tracker / provider admin APIs, against a budget
  prices            update the price catalogue, show a model's rates, say which catalogue is in use
  help [command]    show help

Run 'prompt-cost <command> --help' for a command's options.
Prices: LiteLLM's model price list (MIT): bundled, or your refreshed copy ('prompt-cost prices status').
`;

type Command = (argv: readonly string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  scan: scanCommand,
  count: countCommand,
  compress: compressCommand,
  simulate: simulateCommand,
  diff: diffCommand,
  spend: spendCommand,
  prices: pricesCommand,
};

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (!name || name === '--help' || name === '-h' || name === 'help') {
      if (name === 'help' && rest[0] && COMMANDS[rest[0]]) return COMMANDS[rest[0]](['--help'], io);
      io.stdout(HELP);
      return 0;
    }
    if (name === '--version' || name === '-v') {
      io.stdout(`${VERSION}\n`);
      return 0;
    }
    const command = COMMANDS[name];
    if (!command) throw new UsageError(`unknown command '${name}'`);
    // Every command prices with the refreshed catalogue when there is a valid one (`prices` reports on it itself).
    if (command !== pricesCommand) {
      const cached = applyCachedCatalogue(io.env, io.cwd);
      if (cached.state === 'invalid') io.stderr(`prompt-cost: ignoring ${cached.file} (${cached.problem}); using the bundled prices\n`);
    }
    return await command(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`prompt-cost: ${error.message}\nRun 'prompt-cost --help' for usage.\n`);
      return 2;
    }
    io.stderr(`prompt-cost: ${(error as Error).stack ?? error}\n`);
    return 3;
  }
}

if (require.main === module && isMainThread) {
  const io: CliIo = {
    cwd: process.cwd(),
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  };
  runCli(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}

// The `brink` command line: dispatches to one module per command. Every failure ends as a one-line
// `brink: …` message and an exit status (2 for a bad command line), never a stack trace.
import { benchCommand } from './bench';
import { calibrateCommand } from './calibrate';
import { CliError, usageError, wordFileError } from './errors';
import { replayCommand } from './replay';
import { simulateCommand } from './simulate';
import { validateCommand } from './validate';

const USAGE = `Usage: brink <command> [options]

Commands:
  validate [FILE…]           check scenario files (all of scenarios/ by default)
  simulate [options]         play many games with bots or the AI and report how they ended
  replay FILE                replay and verify a game record, and tell it turn by turn
  calibrate [options]        measure how often the model reproduces history
  bench [options]            measure simulation speed
  help                       show this

Run \`brink <command> --help\` for a command's options.`;

const COMMANDS: Record<string, (args: readonly string[]) => Promise<number>> = {
  validate: validateCommand,
  simulate: simulateCommand,
  replay: replayCommand,
  calibrate: calibrateCommand,
  bench: benchCommand,
};

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    console.log(USAGE);
    return 0;
  }
  const run = COMMANDS[command];
  if (!run) throw usageError(`unknown command "${command}"`);
  return run(rest);
}

function fail(thrown: unknown): number {
  // A file that could not be read or written is the user's to fix, not a bug: say which and why.
  const error = wordFileError(thrown) ?? thrown;
  if (error instanceof CliError) {
    // Several faults come as several lines: each gets the prefix, so each reads on its own.
    for (const line of error.message.split('\n')) console.error(`brink: ${line}`);
    if (error.hint) console.error(error.hint);
    return error.exitCode;
  }
  // A bug, not a user's mistake: still one line, with the stack only on request.
  const message = error instanceof Error ? error.message : String(error);
  console.error(`brink: unexpected error: ${message}`);
  if (process.env.BRINK_DEBUG && error instanceof Error) console.error(error.stack);
  else console.error('Set BRINK_DEBUG=1 to see where it happened.');
  return 1;
}

// Output piped into `head` and the like: stop quietly when the reader goes away.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.on('uncaughtException', (error) => process.exit(fail(error)));

process.exitCode = await main(process.argv.slice(2)).catch(fail);

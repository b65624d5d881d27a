// Parsing of the command line with node:util parseArgs, turning its errors into usage errors.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { usageError } from './errors';
import { formatCount } from './format';

type Options = NonNullable<ParseArgsConfig['options']>;

/** The game's seed box takes 40 characters; `--seed` takes as many. */
export const MAX_SEED_LENGTH = 40;
/** File and folder names: the longest path Linux accepts. */
export const MAX_PATH_LENGTH = 4096;
/** The longest single argument Linux passes to a program: the bound when nothing smaller fits. */
export const MAX_ARGUMENT_LENGTH = 131_072;

/** The longest value of each text option, with the reason when it is not obvious. */
const LONGEST: Readonly<Record<string, { max: number; why?: string }>> = {
  seed: { max: MAX_SEED_LENGTH, why: "as in the game's seed box" },
  // ROLE=BOT: an id of at most 64 characters, "=", a bot's name.
  policy: { max: 100 },
  // SWITCH=OPTION, or a few joined by "+" as in a class code.
  'what-if': { max: 400 },
};

/**
 * Parses a command's arguments. Every text option must be non-empty and no longer than its
 * limit (LONGEST, else a path's); every positional argument (a file name) non-empty and at most
 * `longestPositional` characters. Any fault is a one-line usage error.
 */
export function parseCommand<T extends Options>(
  command: string,
  args: readonly string[],
  options: T,
  allowPositionals = false,
  longestPositional = MAX_ARGUMENT_LENGTH,
) {
  let parsed;
  try {
    parsed = parseArgs({
      args: joinNegativeValues(args, options),
      options,
      allowPositionals,
      strict: true,
    });
  } catch (error) {
    // parseArgs explains the problem well ("Unknown option '--foo'"); keep its first sentence.
    const message = (error as Error).message;
    const ambiguous = /^Option '(--[^' ]+)' argument is ambiguous/.exec(message)?.[1];
    if (ambiguous) {
      throw usageError(
        `${ambiguous} needs a value; for one that starts with "-", write ${ambiguous}=VALUE`,
        command,
      );
    }
    const first = message.split('\n')[0]!.split('. ')[0]!.replace(/\.$/, '');
    throw usageError(
      first.replace(/'([^']*)'/g, (_, text: string) => `'${clip(text)}'`),
      command,
    );
  }
  for (const [name, value] of Object.entries(parsed.values)) {
    for (const text of [value].flat()) {
      if (typeof text === 'string') checkOption(command, name, text);
    }
  }
  for (const text of parsed.positionals) {
    if (text === '') throw usageError('the file name is empty', command);
    if (text.length > longestPositional) {
      throw usageError(`the file name ${tooLong(text.length, longestPositional)}`, command);
    }
  }
  return parsed;
}

function checkOption(command: string, name: string, text: string): void {
  if (text === '') throw usageError(`--${name} needs a value, not ""`, command);
  const { max, why } = LONGEST[name] ?? { max: MAX_PATH_LENGTH };
  if (text.length > max) {
    throw usageError(`--${name} ${tooLong(text.length, max)}${why ? `, ${why}` : ''}`, command);
  }
}

function tooLong(length: number, max: number): string {
  return `is ${formatCount(length)} characters long; at most ${formatCount(max)} are allowed`;
}

/**
 * "--runs -5" as "--runs=-5": parseArgs takes a value starting with a dash for an option, and
 * refuses it in three lines; joined, the option's own check says what values it takes.
 */
function joinNegativeValues(args: readonly string[], options: Options): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const name = /^--([^=]+)$/.exec(args[i]!)?.[1];
    const next = args[i + 1];
    if (name && options[name]?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      out.push(`${args[i]}=${next}`);
      i++;
    } else {
      out.push(args[i]!);
    }
  }
  return out;
}

/** A user's text cut to `max` characters for a message, so a huge argument is not echoed whole. */
export function clip(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A whole number from `min` to `max`, or a usage error naming the option. */
export function wholeNumber(
  command: string,
  option: string,
  text: string | undefined,
  fallback: number,
  min = 1,
  max = 10_000_000,
): number {
  if (text === undefined) return fallback;
  const value = /^\d+$/.test(text.replace(/[_,]/g, '')) ? Number(text.replace(/[_,]/g, '')) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw usageError(
      `--${option} must be a whole number from ${formatCount(min)} to ${formatCount(max)}, not "${clip(text)}"`,
      command,
    );
  }
  return value;
}

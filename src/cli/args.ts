// Parsing of the command line with node:util parseArgs, turning its errors into usage errors.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { usageError } from './errors';
import { formatCount } from './format';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseCommand<T extends Options>(
  command: string,
  args: readonly string[],
  options: T,
  allowPositionals = false,
) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals, strict: true });
  } catch (error) {
    // parseArgs explains the problem well ("Unknown option '--foo'"); keep its first sentence.
    const message = (error as Error).message.split('. ')[0]!.replace(/\.$/, '');
    throw usageError(message, command);
  }
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
      `--${option} must be a whole number from ${formatCount(min)} to ${formatCount(max)}, not "${text}"`,
      command,
    );
  }
  return value;
}

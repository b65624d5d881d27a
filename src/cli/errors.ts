// Errors the command line reports in one line, with the exit status they stand for:
// 1 for a fault in what was checked (a scenario, a record), 2 for a bad command line or missing file.

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
    /** A next step printed under the message, such as where to read the usage. */
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** A mistake in the command line itself: exit 2, with a pointer to the usage. */
export function usageError(message: string, command?: string): CliError {
  return new CliError(
    message,
    2,
    `Run \`brink ${command ? `${command} --help` : 'help'}\` for usage.`,
  );
}

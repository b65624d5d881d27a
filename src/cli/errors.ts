// Errors the command line reports in one line, with the exit status they stand for:
// 1 for a fault in what was checked (a scenario, a record), 2 for a bad command line or missing file.
import { relative } from 'node:path';

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

/** A path as the user reads it: relative to where they are when that is shorter. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.length < file.length && !rel.startsWith('..') ? rel : file;
}

/** Node's file-system error codes in plain words; other codes keep Node's own first line. */
const FILE_PROBLEMS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a folder',
  ENOTDIR: 'part of the path is a file, not a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENAMETOOLONG: 'the path is too long',
  ELOOP: 'the path has too many symbolic links',
  EEXIST: 'something of that name is already there',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the disk is read-only',
  EBUSY: 'the file is in use',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open',
  EIO: 'the disk could not be read or written',
  // Node reads a file into one string, which holds at most about 512 MB; a buffer at most 2 GB.
  ERR_STRING_TOO_LONG: 'the file is too large (over 512 MB)',
  ERR_FS_FILE_TOO_LARGE: 'the file is too large (over 2 GB)',
};

/** Why a file could not be read or written, in plain words: "permission denied". */
export function fileProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code === 'string' && Object.hasOwn(FILE_PROBLEMS, code)) return FILE_PROBLEMS[code]!;
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}

/**
 * A failed file operation as one line naming the file, exit status 2: `fileError(error, 'cannot
 * read scenario', file)` → "cannot read scenario x.json: permission denied".
 */
export function fileError(error: unknown, doing: string, file: string): CliError {
  return new CliError(`${doing} ${displayPath(file)}: ${fileProblem(error)}`, 2);
}

/** What Node's system call was doing, for errors that reach the top unworded. */
const DOING: Readonly<Record<string, string>> = {
  open: 'cannot open',
  read: 'cannot read',
  write: 'cannot write',
  mkdir: 'cannot create the folder',
  scandir: 'cannot list the folder',
  stat: 'cannot look at',
  lstat: 'cannot look at',
};

/**
 * A file-system error that no caller worded (a write deep inside a batch, say), worded as
 * `fileError` would; undefined for any other error.
 */
export function wordFileError(error: unknown): CliError | undefined {
  if (!(error instanceof Error)) return undefined;
  const { code, syscall, path } = error as NodeJS.ErrnoException;
  if (typeof code !== 'string' || !Object.hasOwn(FILE_PROBLEMS, code)) return undefined;
  if (path === undefined) return new CliError(fileProblem(error), 2);
  return fileError(error, DOING[syscall ?? ''] ?? 'cannot use', path);
}

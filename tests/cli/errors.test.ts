// File-system errors in plain words, the same for every command.
import { describe, expect, it } from 'vitest';
import { fileError, fileProblem } from '../../src/cli/errors';

function nodeError(code: string, message = `${code}: something`): Error {
  return Object.assign(new Error(message), { code });
}

describe('fileProblem', () => {
  const words: [string, string][] = [
    ['ENOENT', 'no such file'],
    ['EISDIR', 'it is a folder'],
    ['EACCES', 'permission denied'],
    ['EPERM', 'permission denied'],
    ['ENAMETOOLONG', 'the path is too long'],
    ['ERR_STRING_TOO_LONG', 'the file is too large (over 512 MB)'],
    ['ERR_FS_FILE_TOO_LARGE', 'the file is too large (over 2 GB)'],
    ['ENOSPC', 'the disk is full'],
    ['EROFS', 'the disk is read-only'],
  ];
  it.each(words)('words %s as "%s"', (code, expected) => {
    expect(fileProblem(nodeError(code))).toBe(expected);
  });

  it('keeps only the first line of an error it does not know', () => {
    expect(fileProblem(nodeError('EWHATEVER', 'EWHATEVER: odd, open x\nmore'))).toBe(
      'EWHATEVER: odd, open x',
    );
  });
});

describe('fileError', () => {
  it('names what was being done and the file, with exit status 2', () => {
    const error = fileError(nodeError('EACCES'), 'cannot read scenario', '/nowhere/x.json');
    expect(error.message).toBe('cannot read scenario /nowhere/x.json: permission denied');
    expect(error.exitCode).toBe(2);
  });
});

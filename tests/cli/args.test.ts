import { describe, expect, it } from 'vitest';
import { brink, STACK_LINE } from './run';

describe.concurrent('the command line', () => {
  it('prints the usage for help, --help and no command', async () => {
    const runs = await Promise.all([brink(), brink('help'), brink('--help')]);
    for (const { code, stdout } of runs) {
      expect(code).toBe(0);
      expect(stdout).toMatch(/^Usage: brink <command>/);
    }
  });

  const mistakes: [string, string[], RegExp][] = [
    ['an unknown command', ['frobnicate'], /unknown command "frobnicate"/],
    ['a run count that is not a number', ['simulate', '--runs', 'abc'], /--runs .*"abc"/],
    ['an unknown bot', ['simulate', '--policy', 'us=nosuchbot'], /unknown bot "nosuchbot"/],
    ['an unknown role', ['simulate', '--policy', 'xx=dove'], /unknown role "xx"/],
    ['an unknown option', ['simulate', '--frobnicate'], /--frobnicate/],
    ['a missing record', ['replay', 'no/such/record.json'], /record\.json: no such file/],
    ['an unknown scenario', ['simulate', '--scenario', 'atlantis'], /unknown scenario "atlantis"/],
  ];
  it.each(mistakes)(
    'exits 2 with a message and no stack trace for %s',
    async (_, args, message) => {
      const { code, stdout, stderr } = await brink(...args);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^brink: /);
      expect(stderr).toMatch(message);
      expect(stderr).not.toMatch(STACK_LINE);
    },
  );
});

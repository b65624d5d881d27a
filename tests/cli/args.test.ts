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
    [
      'a negative run count',
      ['simulate', '--runs', '-5'],
      /^brink: --runs must be a whole number from 1 to 10,000,000, not "-5"$/m,
    ],
    [
      'an empty records folder',
      ['simulate', '--runs', '1', '--records', ''],
      /^brink: --records needs a value/m,
    ],
    ['an empty seed', ['simulate', '--runs', '1', '--seed', ''], /^brink: --seed needs a value/m],
    ['an empty file name', ['validate', ''], /^brink: the file name is empty$/m],
    [
      'a seed longer than the seed box',
      ['simulate', '--runs', '1', '--seed', 's'.repeat(41)],
      /^brink: --seed is 41 characters long; at most 40 are allowed, as in the game's seed box$/m,
    ],
    [
      'a scenario path longer than any system takes',
      ['simulate', '--scenario', `${'d/'.repeat(2500)}x.json`],
      /^brink: --scenario is 5,006 characters long; at most 4,096 are allowed$/m,
    ],
    [
      'a policy longer than a role and a bot',
      ['simulate', '--policy', `us=${'h'.repeat(200)}`],
      /^brink: --policy is 203 characters long; at most 100 are allowed$/m,
    ],
    [
      'a file name too long for the file system',
      ['validate', `${'x'.repeat(300)}.json`],
      /^brink: cannot read scenario x+\.json: the path is too long$/m,
    ],
    [
      'a file name longer than any system takes',
      ['validate', `${'d/'.repeat(2500)}x.json`],
      /^brink: the file name is 5,006 characters long; at most 4,096 are allowed$/m,
    ],
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
      // One line saying what is wrong, and at most a hint (such as where the usage is) under it.
      const lines = stderr.trimEnd().split('\n');
      expect(lines.filter((line) => line.startsWith('brink: '))).toHaveLength(1);
      expect(lines.length).toBeLessThanOrEqual(2);
    },
  );

  it('never echoes a huge argument back', async () => {
    const huge = 'x'.repeat(100_000);
    const runs = await Promise.all([
      brink('simulate', `--${huge}`),
      brink('simulate', '--runs', huge),
      brink('simulate', '--policy', `${huge}=dove`),
    ]);
    for (const { code, stderr } of runs) {
      expect(code).toBe(2);
      expect(stderr.length).toBeLessThan(300);
    }
  });
});

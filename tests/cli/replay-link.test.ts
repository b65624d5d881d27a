import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hashState, playGame, recordOf, shareLink } from '../../src/sim';
import { loadScenario } from '../../src/sim/scenario/load';
import { brink, STACK_LINE } from './run';
import { scenarioText } from '../support/scenario';

const dir = mkdtempSync(join(tmpdir(), 'brink-link-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const loaded = loadScenario(scenarioText());
if (!loaded.ok) throw new Error('the shipped scenario does not load');
const sc = loaded.value;
const played = playGame(sc, 'link-test', { us: 'greedy', ukraine: 'random' });
const link = shareLink(sc, recordOf(sc, played, hashState(played.state)), 'http://127.0.0.1:5173/');

describe.concurrent('brink replay with a share link', () => {
  it('verifies a link given on the command line', async () => {
    const { code, stdout } = await brink('replay', link, '--verify-only');
    expect(code).toBe(0);
    expect(stdout.trimEnd().split('\n').at(-1)).toBe(`Final hash: ${hashState(played.state)}`);
  });

  it('verifies a link saved in a file', async () => {
    const file = join(dir, 'link.txt');
    writeFileSync(file, `${link}\n`);
    const { code, stdout } = await brink('replay', file, '--verify-only');
    expect(code).toBe(0);
    expect(stdout).toContain('Replays to the ending and final hash the record carries');
  });

  it('rejects a truncated link with a message and no stack trace', async () => {
    const { code, stderr } = await brink(
      'replay',
      link.slice(0, link.length - 40),
      '--verify-only',
    );
    expect(code).toBe(1);
    expect(stderr).toMatch(/^brink: link: /);
    expect(stderr).not.toMatch(/link: link:/);
    expect(stderr).not.toMatch(STACK_LINE);
  });
});

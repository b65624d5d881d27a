// `brink calibrate --scenario cuba-1962` reads in Cuba's own terms: days, not weeks; the invasion
// of Cuba timed; the missiles proclaimed, not recognition, before the war; the war endings on a
// wrapped line of their own; the any-war target. A few games per line: the wording, not the model.
import { describe, expect, it } from 'vitest';
import { brink } from './run';

describe('brink calibrate --scenario cuba-1962', () => {
  it('names its measures in the scenario’s words and keeps lines within 100 characters', async () => {
    const args = ['calibrate', '--scenario', 'cuba-1962', '--runs', '4', '--line', 'historical'];
    const { code, stdout, stderr } = await brink(...args);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^ {2}Invasion of Cuba, median day +(turn \d+, \d+ Oct 1962|none in these games)$/m,
    );
    expect(stdout).toMatch(/^ {2}Missiles proclaimed before the war +/m);
    expect(stdout).toMatch(/^ {2}Any war \(the endings below\) +\d+ +[\d.]+%$/m);
    expect(stdout).toMatch(/^ {2}War endings: Nuclear weapons used, Invasion of Cuba,/m);
    expect(stdout).toMatch(/^ {4}[✔✘] Any war in 2–20% of games: [\d.]+%$/m);
    expect(stdout).not.toMatch(/Recognition|recogni[sz]ed|invasion, median week|Western/);
    expect(stdout.split('\n').every((l) => l.length <= 100)).toBe(true);

    const json = JSON.parse((await brink(...args, '--json')).stdout);
    expect(json.names).toEqual({
      firstStage: 'Missiles proclaimed',
      timedEnding: 'Invasion of Cuba',
      warEndings: expect.arrayContaining([
        'Nuclear weapons used',
        'Air strike on the missile sites',
      ]),
    });
    expect(json.lines[0].targets.map((t: { kind: string }) => t.kind)).toContain('anyWar');
  });
});

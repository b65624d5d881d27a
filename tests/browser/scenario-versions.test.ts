// The scenario versions a browser page has: the current one, and the archive fetched only when a
// game names a hash the current one lacks; each game gets the version that replays it, and a hash
// no version knows gets the current one (whose refusal then explains).
import { describe, expect, it } from 'vitest';
import { ScenarioVersions } from '../../src/browser/scenario-versions';
import { fixtureRecords } from '../support/archive';
import { ukraine } from '../support/scenario';
import { shipped } from '../sim/support/shipped';

const sc = ukraine();
const [v100] = fixtureRecords('1.0.0');
const [v110] = fixtureRecords('1.1.0');

describe('scenario versions of a browser page', () => {
  it('wants the archive only for a hash the current version lacks, and only until it is fetched', async () => {
    const versions = new ScenarioVersions(sc);
    expect(versions.wants(undefined)).toBe(false);
    expect(versions.wants(sc.hash)).toBe(false);
    expect(versions.wants(v110!.scenario.hash)).toBe(true);
    expect(versions.versionFor(v110!.scenario.hash)).toBe(sc);
    await versions.fetchArchive();
    expect(versions.wants(v110!.scenario.hash)).toBe(false);
    expect(versions.wants('0123456789abcdef')).toBe(false);
  });

  it('gives each game the version that replays it', async () => {
    const versions = new ScenarioVersions(sc);
    await versions.fetchArchive();
    expect(versions.versionFor(sc.hash)).toBe(sc);
    expect(versions.versionFor(v110!.scenario.hash).scenario.version).toBe('1.1.0');
    // 1.0.0 games replay with 1.0.1, which declares them compatible.
    expect(versions.versionFor(v100!.scenario.hash).scenario.version).toBe('1.0.1');
    expect(versions.versionFor('0123456789abcdef')).toBe(sc);
  });

  it('fetches the archive once for every page that asks', async () => {
    const one = new ScenarioVersions(sc);
    const two = new ScenarioVersions(sc);
    await Promise.all([one.fetchArchive(), two.fetchArchive()]);
    expect(one.earlier).toBe(two.earlier);
  });

  it('knows every shipped scenario, fetches one only when asked, and opens its games with it', async () => {
    const versions = new ScenarioVersions(sc);
    expect(versions.ids).toEqual(['ukraine-2021', 'cuba-1962']);
    expect(versions.knows('cuba-1962')).toBe(true);
    expect(versions.currentOf('cuba-1962')).toBeUndefined();
    expect(versions.wants(undefined, 'cuba-1962')).toBe(true);
    await versions.fetchFor({ id: 'cuba-1962' });
    const cuba = versions.currentOf('cuba-1962')!;
    expect(cuba.hash).toBe(shipped('cuba-1962').hash);
    expect(versions.wants(cuba.hash, 'cuba-1962')).toBe(false);
    expect(versions.versionFor(cuba.hash, 'cuba-1962')).toBe(cuba);
    // Ukraine's games still get Ukraine, and the archive was not needed.
    expect(versions.versionFor(sc.hash)).toBe(sc);
    expect(versions.earlier).toBeNull();
  });

  it('refuses a scenario it does not have, and one that cannot be fetched, with a clear message', async () => {
    const versions = new ScenarioVersions(sc, {
      'cuba-1962': () => Promise.reject(new Error('offline')),
    });
    const missing = await versions.load('atlantis-2030');
    expect(missing.ok ? '' : missing.errors[0]!.message).toContain('no scenario "atlantis-2030"');
    const offline = await versions.load('cuba-1962');
    expect(offline.ok ? '' : offline.errors[0]!.message).toContain('could not be fetched');
    expect(versions.wants(undefined, 'cuba-1962')).toBe(false);
    expect(versions.failure('cuba-1962')).toContain('could not be fetched');
  });
});

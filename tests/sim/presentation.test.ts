// How a scenario is presented is its own data: the crisis room's main variables (also the
// variables the debrief and the printed report pick turning points from), the debrief's charts, the
// class view's comparison, the tracks' names and whose intent is hidden. A scenario without the
// block still plays, with defaults drawn from its own variables.
import { describe, expect, it } from 'vitest';
import { presentationOf } from '../../src/sim';
import { loadScenario } from '../../src/sim/scenario/load';
import { SHIPPED_IDS, shipped, shippedText } from './support/shipped';

describe('presentationOf', () => {
  for (const id of SHIPPED_IDS) {
    it(`${id}: is the scenario's own block, naming only its variables`, () => {
      const sc = shipped(id);
      const shown = presentationOf(sc);
      expect(shown).toBe(sc.scenario.presentation);
      for (const key of [...shown.mainVariables, ...shown.charted, ...shown.compared])
        expect(sc.variables[key], key).toBeDefined();
      expect(shown.charted).toHaveLength(4);
    });
  }

  it('gives a scenario without the block defaults from its own variables', () => {
    const data = JSON.parse(shippedText('cuba-1962'));
    delete data.presentation;
    const loaded = loadScenario(data);
    if (!loaded.ok) throw new Error(loaded.errors[0]!.message);
    const shown = presentationOf(loaded.value);
    expect(shown.mainVariables).toEqual(
      data.variables.slice(0, 12).map((v: { id: string }) => v.id),
    );
    expect(shown.compared).toHaveLength(9);
    const m = data.mechanics;
    expect(shown.charted).toEqual([
      m.tension,
      m.deterrer.cohesion,
      m.bargaining.channels,
      m.bargaining.progress,
    ]);
    expect(shown.tracks.diplomacy).toBe('Diplomacy');
    // Prose only: the game it plays is the same.
    expect(loaded.value.hash).toBe(shipped('cuba-1962').hash);
  });
});

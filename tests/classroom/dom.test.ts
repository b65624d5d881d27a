import { describe, expect, it } from 'vitest';
import { nameParts } from '../../src/classroom/dom';

describe('nameParts', () => {
  it('splits file names after separators and between the words of camelCase (golden table)', () => {
    const table: [string, string[]][] = [
      ['team-red.json', ['team-', 'red.', 'json']],
      [
        'brink-game-record_Period3_TeamRed_2026-11-29T10-40.json',
        [
          'brink-',
          'game-',
          'record_',
          'Period3_',
          'Team',
          'Red_',
          '2026-',
          '11-',
          '29',
          'T10-',
          '40.',
          'json',
        ],
      ],
      [
        'BrinkRecordTeamGold9FinalVersion.json',
        ['Brink', 'Record', 'Team', 'Gold9', 'Final', 'Version.', 'json'],
      ],
      ['Period 3 (copy).json', ['Period ', '3 ', '(copy)', '.', 'json']],
      ['Équipe Été', ['Équipe ', 'Été']],
      ['Link 1', ['Link ', '1']],
      ['ALLCAPS', ['ALLCAPS']],
      ['', []],
    ];
    for (const [name, parts] of table) expect(nameParts(name), name).toEqual(parts);
  });

  it('loses no character', () => {
    const name = 'a_b-c.d/e\\f,g+h)iJ 1K__--..';
    expect(nameParts(name).join('')).toBe(name);
  });
});

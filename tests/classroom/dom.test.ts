import { describe, expect, it } from 'vitest';
import { nameParts, shortened } from '../../src/classroom/dom';

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

describe('shortened', () => {
  it('keeps short values whole and cuts long ones to 40 characters, an ellipsis and the length', () => {
    expect(shortened('class-e2e')).toBe('class-e2e');
    expect(shortened('S'.repeat(40))).toBe('S'.repeat(40));
    expect(shortened('S'.repeat(64))).toBe(`${'S'.repeat(40)}… (64 characters)`);
    expect(shortened('x'.repeat(1 << 20))).toBe(`${'x'.repeat(40)}… (1,048,576 characters)`);
  });

  it('shows up to `whole` characters whole', () => {
    expect(shortened('S'.repeat(64), 64)).toBe('S'.repeat(64));
    expect(shortened('S'.repeat(65), 64)).toBe(`${'S'.repeat(40)}… (65 characters)`);
  });

  it('never splits a character made of two code units', () => {
    const text = `${'a'.repeat(39)}😀${'b'.repeat(30)}`;
    expect(shortened(text)).toBe(`${'a'.repeat(39)}… (71 characters)`);
  });
});

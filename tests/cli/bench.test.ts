// `brink bench` run as a user runs it, small: every part of its report is there, the paths are
// checked to agree, and bad arguments get a sentence. Its figures are read, never asserted.
import { describe, expect, it } from 'vitest';
import { brink, STACK_LINE } from './run';

describe('brink bench', () => {
  it('reports the reducer on both paths, the hash against a game, whole games on 1 and 2 workers, and the heap', async () => {
    const run = await brink(
      'bench',
      '--games',
      '40',
      '--reducer-games',
      '8',
      '--workers',
      '2',
      '--scenario',
      'cuba-1962',
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toMatch(/^cuba-1962 [\d.]+, seed "bench"/);
    expect(out).toMatch(/immer \(reduce, inside produce\)\s+[\d,]+\s+[\d,]+/);
    expect(out).toMatch(/plain \(reducePlain, mutable copy\)\s+[\d,]+\s+[\d,]+/);
    expect(out).toMatch(/immer \/ plain: [\d.]+× the time per step/);
    expect(out).toContain(
      "whole final states of both paths checked equal to playGame's on 8 games",
    );
    expect(out).toMatch(/hashing a finished game's state: [\d.]+ ms, [\d.]+× a game/);
    expect(out).toMatch(/the first definition, .*: [\d.]+ ms, [\d.]+× a game/);
    expect(out).toMatch(/1 worker thread\s+[\d,]+/);
    expect(out).toMatch(/2 worker threads\s+[\d,]+/);
    expect(out).toMatch(/after \(b\), 40 summaries held\s+[\d.]+ MB/);
  }, 120_000);

  it('refuses a bad count with a sentence, not a stack trace', async () => {
    const run = await brink('bench', '--games', 'many');
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/--games/);
    expect(run.stderr).not.toMatch(STACK_LINE);
  });
});

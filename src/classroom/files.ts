// Record files from a file picker or a drop: read (never more than a record could weigh), opened,
// replayed with the version each was played with, and named after the file. A file that cannot be
// read is a failed game, not an error.
import type { CompiledScenario, GameRecord } from '../sim';
import { MAX_TEXT, nameOpenings, type Verification } from './entries';
import type { ScenarioVersions } from '../browser/scenario-versions';
import { openGames } from './scenario';

export interface NamedGame {
  name: string;
  record: GameRecord | null;
  outcome: Verification;
  /** The version it was replayed with. */
  sc: CompiledScenario;
}

export async function openFiles(
  versions: ScenarioVersions,
  files: readonly File[],
): Promise<NamedGame[]> {
  const games: NamedGame[] = [];
  for (const file of files) {
    const fail = (message: string) =>
      games.push({
        name: file.name,
        record: null,
        outcome: { status: 'failed', message },
        sc: versions.current,
      });
    if (file.size > MAX_TEXT) {
      fail(`Too large to be a game record (${file.size} bytes).`);
      continue;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      fail('The file could not be read.');
      continue;
    }
    const openings = await openGames(versions, text);
    const names = nameOpenings(openings, { file: file.name });
    openings.forEach((o, i) =>
      games.push({ name: names[i]!, record: o.record, outcome: o.outcome, sc: o.sc }),
    );
  }
  return games;
}

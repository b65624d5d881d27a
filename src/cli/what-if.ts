// `--what-if SWITCH=OPTION`: the what-if switches a command plays under (a scenario's `whatIfs`,
// as a teacher sets them on the title screen). The pairs are checked for shape before the
// scenario is read, then against its switches; any fault is one line naming the switch or
// option and listing the choices. Worker threads build the same variant from the same choice.
import {
  describeSetting,
  switchesText,
  whatIfVariant,
  type CompiledScenario,
  type WhatIfChoice,
} from '../sim';
import { clip } from './args';
import { CliError, usageError } from './errors';

/** The option lines of `--help`, the same for every command that plays games. */
export const WHAT_IF_USAGE = `  --what-if S=O       play under a what-if switch: S a switch of the scenario, O one of its
                      options (repeatable, or S=O+S2=O2 as in a class code); an unknown name
                      is refused with the choices listed. Games and records carry the setting.`;

/** "resolve=setOnWar" pairs (several may be joined by "+"), checked for shape only. */
export function parseWhatIfs(command: string, specs: readonly string[]): Record<string, string> {
  const choice: Record<string, string> = {};
  for (const spec of specs) {
    for (const pair of spec.split('+')) {
      const match = /^([^=\s]+)=([^=\s]+)$/.exec(pair.trim());
      if (!match) {
        throw usageError(
          `--what-if takes SWITCH=OPTION, such as resolve=setOnWar, not "${clip(spec)}"`,
          command,
        );
      }
      const [, id, option] = match as unknown as [string, string, string];
      if (choice[id] !== undefined && choice[id] !== option) {
        throw usageError(
          `--what-if ${clip(id)} is given twice, as ${clip(choice[id])} and as ${clip(option)}: choose one`,
          command,
        );
      }
      choice[id] = option;
    }
  }
  return choice;
}

/**
 * The scenario the games are played with: `sc` itself with no switch, else its variant. An unknown
 * switch or option is a usage error (exit 2); a variant the scenario cannot build is the
 * scenario's fault (exit 1), with the validator's paths.
 */
export function variantFor(
  command: string,
  sc: CompiledScenario,
  choice: WhatIfChoice,
): CompiledScenario {
  const switches = sc.scenario.whatIfs ?? [];
  for (const [id, option] of Object.entries(choice)) {
    const whatIf = switches.find((w) => w.id === id);
    if (!whatIf) {
      throw usageError(
        switches.length
          ? `--what-if ${clip(id)}=${clip(option)}: unknown switch "${clip(id)}"; switches of ${sc.scenario.id}: ${switches.map((w) => w.id).join(', ')}`
          : `--what-if ${clip(id)}=${clip(option)}: ${sc.scenario.id} ${sc.scenario.version} has no what-if switches`,
        command,
      );
    }
    if (!whatIf.options.some((o) => o.id === option)) {
      throw usageError(
        `--what-if ${id}=${clip(option)}: unknown option "${clip(option)}" of ${whatIf.name} (${id}); options: ${whatIf.options.map((o) => o.id).join(', ')}`,
        command,
      );
    }
  }
  return buildVariant(sc, choice);
}

/** The variant for a choice already checked (in a worker thread: the main thread checked it). */
export function buildVariant(sc: CompiledScenario, choice: WhatIfChoice): CompiledScenario {
  const variant = whatIfVariant(sc, choice);
  if (!variant.ok) {
    throw new CliError(
      `${sc.scenario.id} cannot be played under these what-if switches:\n` +
        variant.errors.map((f) => `${f.path}: ${f.message}`).join('\n'),
    );
  }
  return variant.value;
}

/** "What-if setting: as modelled", or the switches in words and as a class code writes them. */
export function settingLine(sc: CompiledScenario, choice: WhatIfChoice | undefined): string {
  const words = describeSetting(sc.scenario, choice);
  const pairs = switchesText(choice ?? {});
  return `What-if setting: ${words}${pairs ? ` (--what-if ${pairs})` : ''}`;
}

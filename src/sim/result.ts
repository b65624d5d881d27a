/** A success-or-error result for anything parsed from untrusted input. */
export interface Fault {
  /** The file of a scenario folder the fault is in ("actions/us.json"), when it came from one. */
  file?: string;
  /** Where the problem is, as a JSON path such as `actions[3].effects[0].var`. */
  path: string;
  message: string;
  severity?: 'error' | 'warning';
}

export type Result<T> = { ok: true; value: T; warnings?: Fault[] } | { ok: false; errors: Fault[] };

export function formatFaults(faults: readonly Fault[]): string {
  return faults
    .map((f) => [f.file, f.path, f.message].filter((part) => part).join(': '))
    .join('\n');
}

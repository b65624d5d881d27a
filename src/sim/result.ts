/** A success-or-error result for anything parsed from untrusted input. */
export interface Fault {
  /** Where the problem is, as a JSON path such as `actions[3].effects[0].var`. */
  path: string;
  message: string;
  severity?: 'error' | 'warning';
}

export type Result<T> = { ok: true; value: T; warnings?: Fault[] } | { ok: false; errors: Fault[] };

export function formatFaults(faults: readonly Fault[]): string {
  return faults.map((f) => (f.path ? `${f.path}: ${f.message}` : f.message)).join('\n');
}

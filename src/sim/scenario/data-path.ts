// Paths to one number of a scenario, as what-if switches name them: keys separated by "/", a list's
// item found by its `id` (else by its index).

/**
 * The value at `path` ("rules/threatPerTier/value", "endings/deal/when/all/0/gte") in `root`,
 * with its parent and key for setting it; a list's item is found by its `id`, else by its index.
 * Null when the path leads nowhere.
 */
export function resolvePath(
  root: unknown,
  path: string,
): { parent: Record<string, unknown> | unknown[]; key: string | number; value: unknown } | null {
  const segments = path.split('/');
  let node: unknown = root;
  let parent: Record<string, unknown> | unknown[] | null = null;
  let key: string | number = '';
  for (const segment of segments) {
    if (Array.isArray(node)) {
      let index = node.findIndex(
        (item) =>
          typeof item === 'object' && item !== null && (item as { id?: unknown }).id === segment,
      );
      if (index < 0 && /^(0|[1-9]\d{0,5})$/.test(segment)) index = Number(segment);
      if (index < 0 || index >= node.length) return null;
      parent = node;
      key = index;
      node = node[index];
    } else if (typeof node === 'object' && node !== null && Object.hasOwn(node, segment)) {
      parent = node as Record<string, unknown>;
      key = segment;
      node = (node as Record<string, unknown>)[segment];
    } else {
      return null;
    }
  }
  return parent === null ? null : { parent, key, value: node };
}

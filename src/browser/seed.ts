// Fresh seeds for a new game, for every page that starts one (the game, the live class's set-up).
/** A fresh seed: a word of diplomacy (no one crisis's places: every scenario uses them) and a number. */
export function randomSeed(): string {
  const words = [
    'summit',
    'envoy',
    'accord',
    'cable',
    'parley',
    'truce',
    'treaty',
    'hotline',
    'channel',
    'signal',
  ];
  const bytes = new Uint32Array(2);
  crypto.getRandomValues(bytes);
  return `${words[bytes[0]! % words.length]}-${(bytes[1]! % 9000) + 1000}`;
}

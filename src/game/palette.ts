// Okabe–Ito colours: distinguishable with the common forms of colour blindness. Colour is never
// the only signal: every state also has a word, a sign or a pattern.
export const PALETTE = {
  background: 0x101820,
  panel: 0x1b2733,
  panelLight: 0x26384a,
  text: 0xf2f2f2,
  muted: 0xa9b7c6,
  land: 0x3a4550,
  focusLand: 0x4d5b68,
  sea: 0x14304a,
  border: 0x8899aa,
  orange: 0xe69f00,
  sky: 0x56b4e9,
  green: 0x009e73,
  yellow: 0xf0e442,
  blue: 0x0072b2,
  vermillion: 0xd55e00,
  purple: 0xcc79a7,
} as const;

export const ROLE_COLOURS: Record<string, number> = {
  blue: PALETTE.blue,
  sky: PALETTE.sky,
  yellow: PALETTE.yellow,
  vermillion: PALETTE.vermillion,
  purple: PALETTE.purple,
};

export function css(colour: number): string {
  return `#${colour.toString(16).padStart(6, '0')}`;
}

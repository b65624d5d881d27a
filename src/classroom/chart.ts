// The escalation chart: tension over the turns, one line per game. Each line differs in colour
// (Okabe–Ito), dash pattern and marker shape, so it reads in greyscale print and for colour-blind
// viewers; a legend and a table give the same data in words. A whole class (more than a few games)
// is drawn as a band instead: the median, the middle half and the range of each turn, with one
// game picked out on demand, since 25 lines with 25 markers each cannot be told apart.
import type { CompiledScenario } from '../sim';
import { el, nameText } from './dom';

const SVG = 'http://www.w3.org/2000/svg';

/** Okabe–Ito, with yellow last: it is faint on white, so its line gets a dark casing. */
export const OKABE_ITO = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#E69F00',
  '#56B4E9',
  '#000000',
  '#F0E442',
] as const;
const FAINT = '#F0E442';

/** Cycles of different lengths (8 colours, 5 dashes, 7 markers): the first 8 differ in all three. */
const DASHES = ['', '12 6', '3 5', '14 5 3 5', '6 3'] as const;
const MARKERS = [
  'circle',
  'square',
  'triangle',
  'diamond',
  'triangleDown',
  'cross',
  'plus',
] as const;
type Marker = (typeof MARKERS)[number];

export interface SeriesStyle {
  colour: string;
  dash: string;
  marker: Marker;
}

export function seriesStyle(index: number): SeriesStyle {
  return {
    colour: OKABE_ITO[index % OKABE_ITO.length]!,
    dash: DASHES[index % DASHES.length]!,
    marker: MARKERS[index % MARKERS.length]!,
  };
}

export interface Series {
  name: string;
  /** Tension at the start, then after each turn played. */
  values: readonly number[];
  /** Words after the name in the legend, e.g. the ending. */
  note?: string;
}

/** Up to this many games get a line each; more are drawn as a band. */
export const BAND_ABOVE = 5;
export const useBand = (games: number): boolean => games > BAND_ABOVE;

/** Where the games still being played stood after one turn. */
export interface BandPoint {
  turn: number;
  /** Games with a value this turn: a game that has ended drops out. */
  count: number;
  lowest: number;
  /** The quartiles: a quarter of the games lie below `lower`, a quarter above `upper`. */
  lower: number;
  median: number;
  upper: number;
  highest: number;
}

/** The value a fraction `p` of the way through sorted values, between neighbours as spreadsheets do. */
function quantile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const i = Math.floor(h);
  const below = sorted[i]!;
  const above = sorted[Math.min(i + 1, sorted.length - 1)]!;
  return Math.round((below + (h - i) * (above - below)) * 10) / 10;
}

export function classBand(series: readonly Series[]): BandPoint[] {
  const turns = Math.max(-1, ...series.map((s) => s.values.length - 1));
  const band: BandPoint[] = [];
  for (let turn = 0; turn <= turns; turn++) {
    const values = series
      .flatMap((s) => (turn < s.values.length ? [s.values[turn]!] : []))
      .sort((a, b) => a - b);
    band.push({
      turn,
      count: values.length,
      lowest: values[0]!,
      lower: quantile(values, 0.25),
      median: quantile(values, 0.5),
      upper: quantile(values, 0.75),
      highest: values.at(-1)!,
    });
  }
  return band;
}

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  return node;
}

function text(x: number, y: number, content: string, attrs: Record<string, string | number> = {}) {
  const node = svg('text', { x, y, ...attrs });
  node.textContent = content;
  return node;
}

function markerShape(marker: Marker, x: number, y: number, style: SeriesStyle): SVGElement {
  const r = 5;
  const paint = {
    fill: style.colour,
    stroke: style.colour === FAINT ? '#000' : '#fff',
    'stroke-width': 1.2,
  };
  const polygon = (points: [number, number][]) =>
    svg('polygon', { points: points.map(([px, py]) => `${x + px},${y + py}`).join(' '), ...paint });
  switch (marker) {
    case 'circle':
      return svg('circle', { cx: x, cy: y, r, ...paint });
    case 'square':
      return svg('rect', { x: x - r, y: y - r, width: 2 * r, height: 2 * r, ...paint });
    case 'triangle':
      return polygon([
        [0, -r - 1],
        [r + 1, r],
        [-r - 1, r],
      ]);
    case 'triangleDown':
      return polygon([
        [0, r + 1],
        [r + 1, -r],
        [-r - 1, -r],
      ]);
    case 'diamond':
      return polygon([
        [0, -r - 1],
        [r + 1, 0],
        [0, r + 1],
        [-r - 1, 0],
      ]);
    case 'cross':
    case 'plus': {
      const d =
        marker === 'plus'
          ? `M${x - r - 1},${y}H${x + r + 1}M${x},${y - r - 1}V${y + r + 1}`
          : `M${x - r},${y - r}L${x + r},${y + r}M${x - r},${y + r}L${x + r},${y - r}`;
      return svg('path', { d, stroke: style.colour, 'stroke-width': 3, fill: 'none' });
    }
  }
}

let chartCount = 0;

const WIDTH = 1040;
const HEIGHT = 380;
const PAD = { left: 60, right: 290, top: 16, bottom: 52 };

/** A line sample for the legend: the same dash and marker as the series. */
/** An empty 48 × 16 legend sample, hidden from screen readers (the legend's text names it). */
function swatchBox(): SVGSVGElement {
  return svg('svg', {
    width: 48,
    height: 16,
    viewBox: '0 0 48 16',
    'aria-hidden': 'true',
    class: 'swatch',
  });
}

function legendSwatch(style: SeriesStyle): SVGSVGElement {
  const swatch = swatchBox();
  swatch.append(line(style, '2,8 46,8'), markerShape(style.marker, 24, 8, style));
  return swatch;
}

function line(style: SeriesStyle, points: string): SVGElement {
  const g = svg('g', {});
  if (style.colour === FAINT) {
    g.append(svg('polyline', { points, fill: 'none', stroke: '#000', 'stroke-width': 5 }));
  }
  const stroke = svg('polyline', {
    points,
    fill: 'none',
    stroke: style.colour,
    'stroke-width': 3,
    'stroke-linejoin': 'round',
  });
  if (style.dash) stroke.setAttribute('stroke-dasharray', style.dash);
  g.append(stroke);
  return g;
}

interface Plot {
  root: SVGSVGElement;
  /** Drawn under the ladder's rungs and the axes: areas. */
  under: SVGGElement;
  xOf: (turn: number) => number;
  yOf: (value: number) => number;
}

/**
 * The empty chart of tension (0–100) over the turns, with the escalation ladder's rungs as
 * guides; `description` is its accessible name, the whole chart in words.
 */
/** How long one turn of the scenario is, in words ("one week", "one day", "3 days"). */
function turnLength(sc: CompiledScenario): string {
  const days = sc.scenario.daysPerTurn;
  return days === 7 ? 'one week' : days === 1 ? 'one day' : `${days} days`;
}

function plot(sc: CompiledScenario, turns: number, description: string): Plot {
  const tension = sc.variables.tension;
  const [min, max] = [tension?.min ?? 0, tension?.max ?? 100];
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const xOf = (turn: number) => PAD.left + (turn * plotW) / Math.max(1, turns);
  const yOf = (value: number) => PAD.top + ((max - value) * plotH) / Math.max(1, max - min);

  const titleId = `chart-title-${++chartCount}`;
  const root = svg('svg', {
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    role: 'img',
    'aria-labelledby': titleId,
    class: 'chart',
  });
  const titleNode = svg('title', { id: titleId });
  titleNode.textContent = description;
  const under = svg('g', {});
  root.append(titleNode, under);

  // The rungs of the ladder that tension alone reaches: a dotted line where each begins, its
  // name in the middle of its band.
  const rungs = sc.scenario.rungs.filter((r) => r.minTension <= max);
  rungs.forEach((rung, i) => {
    const top = Math.min(max, rungs[i + 1]?.minTension ?? max);
    const bottom = Math.max(min, rung.minTension);
    if (bottom > min) {
      const y = yOf(bottom);
      root.append(svg('line', { x1: PAD.left, x2: PAD.left + plotW, y1: y, y2: y, class: 'rung' }));
    }
    root.append(
      text(PAD.left + plotW + 10, yOf((top + bottom) / 2) + 5, rung.name, { class: 'rung-label' }),
    );
  });
  for (let v = min; v <= max; v += 25) {
    root.append(
      svg('line', { x1: PAD.left - 5, x2: PAD.left, y1: yOf(v), y2: yOf(v), class: 'axis' }),
      text(PAD.left - 9, yOf(v) + 5, String(v), { 'text-anchor': 'end', class: 'tick' }),
    );
  }
  for (let t = 0; t <= turns; t++) {
    root.append(
      text(xOf(t), PAD.top + plotH + 20, t === 0 ? 'Start' : String(t), {
        'text-anchor': 'middle',
        class: 'tick',
      }),
    );
  }
  root.append(
    svg('line', { x1: PAD.left, x2: PAD.left, y1: PAD.top, y2: PAD.top + plotH, class: 'axis' }),
    svg('line', {
      x1: PAD.left,
      x2: PAD.left + plotW,
      y1: PAD.top + plotH,
      y2: PAD.top + plotH,
      class: 'axis',
    }),
    text(PAD.left + plotW / 2, HEIGHT - 6, `Turn (${turnLength(sc)} each)`, {
      'text-anchor': 'middle',
      class: 'axis-label',
    }),
    text(16, PAD.top + plotH / 2, 'Tension', {
      'text-anchor': 'middle',
      class: 'axis-label',
      transform: `rotate(-90 16 ${PAD.top + plotH / 2})`,
    }),
  );
  return { root, under, xOf, yOf };
}

/** One series as a line with a marker at every turn, moved `dx` sideways. */
function seriesLine(
  { xOf, yOf }: Plot,
  values: readonly number[],
  style: SeriesStyle,
  dx: number,
  className: string,
): SVGGElement {
  const points = values.map((v, t) => [xOf(t) + dx, yOf(v)] as const);
  const group = svg('g', { class: className });
  group.append(line(style, points.map(([x, y]) => `${x},${y}`).join(' ')));
  for (const [x, y] of points) group.append(markerShape(style.marker, x, y, style));
  return group;
}

function legendItem(swatch: SVGSVGElement, name: string, note?: string): HTMLLIElement {
  return el(
    'li',
    null,
    swatch,
    el('span', { class: 'legend-name' }, nameText(name)),
    note ? el('span', { class: 'legend-note' }, ` — ${note}`) : null,
  );
}

function figure(root: SVGSVGElement, title: string, legend: HTMLLIElement[], note?: string) {
  return el(
    'figure',
    { class: 'escalation' },
    root,
    el(
      'figcaption',
      null,
      el('strong', null, title),
      el('ul', { class: 'legend' }, ...legend),
      note ? el('p', { class: 'hint' }, note) : null,
    ),
  );
}

export interface ChartOptions {
  /** When the games are drawn as a band, the index of the one to draw as a line over it. */
  picked?: number | null;
}

/**
 * Tension over the turns: a line for each game when there are a few, a band for a class (see
 * BAND_ABOVE). The accessible name gives every number the chart draws.
 */
export function escalationChart(
  sc: CompiledScenario,
  series: readonly Series[],
  title: string,
  options: ChartOptions = {},
): HTMLElement {
  const turns = Math.max(sc.scenario.turns, ...series.map((s) => s.values.length - 1));
  return useBand(series.length)
    ? bandChart(sc, series, title, turns, series[options.picked ?? -1])
    : lineChart(sc, series, title, turns);
}

/** Points are nudged sideways a little per series so that games on the same path stay visible. */
function lineChart(
  sc: CompiledScenario,
  series: readonly Series[],
  title: string,
  turns: number,
): HTMLElement {
  const chart = plot(
    sc,
    turns,
    `${title}: ${series.map((s) => `${s.name}, ${s.values.join(', ')}`).join('; ')}`,
  );
  const nudge = (i: number) => (series.length > 1 ? (i - (series.length - 1) / 2) * 3 : 0);
  series.forEach((s, i) => {
    chart.root.append(seriesLine(chart, s.values, seriesStyle(i), nudge(i), 'series'));
  });
  return figure(
    chart.root,
    title,
    series.map((s, i) => legendItem(legendSwatch(seriesStyle(i)), s.name, s.note)),
  );
}

const MEDIAN_STYLE: SeriesStyle = { colour: '#0b2e4f', dash: '', marker: 'circle' };
/** Vermillion, dashed, with triangles: apart from the band's blues in colour and in grey. */
const PICKED_STYLE: SeriesStyle = { colour: '#D55E00', dash: '12 6', marker: 'triangle' };
const QUARTILES_FILL = '#8fbcdf';
const RANGE_FILL = '#d3e3f0';

function areaSwatch(fill: string): SVGSVGElement {
  const swatch = swatchBox();
  swatch.append(svg('rect', { x: 2, y: 1, width: 44, height: 14, fill, stroke: '#6b7f90' }));
  return swatch;
}

function bandChart(
  sc: CompiledScenario,
  series: readonly Series[],
  title: string,
  turns: number,
  picked: Series | undefined,
): HTMLElement {
  const band = classBand(series);
  const each = (f: (p: BandPoint) => string | number) => band.map(f).join(', ');
  const description = [
    `${title}: ${series.length} groups`,
    `median by turn ${each((p) => p.median)}`,
    `middle half ${each((p) => `${p.lower} to ${p.upper}`)}`,
    `lowest to highest ${each((p) => `${p.lowest} to ${p.highest}`)}`,
    ...(picked ? [`picked out: ${picked.name}, ${picked.values.join(', ')}`] : []),
  ].join('; ');
  const chart = plot(sc, turns, description);
  const area = (low: (p: BandPoint) => number, high: (p: BandPoint) => number) =>
    [...band.map((p) => [p.turn, high(p)]), ...[...band].reverse().map((p) => [p.turn, low(p)])]
      .map(([t, v]) => `${chart.xOf(t!)},${chart.yOf(v!)}`)
      .join(' ');
  chart.under.append(
    svg('polygon', {
      points: area(
        (p) => p.lowest,
        (p) => p.highest,
      ),
      fill: RANGE_FILL,
      class: 'band-range',
    }),
    svg('polygon', {
      points: area(
        (p) => p.lower,
        (p) => p.upper,
      ),
      fill: QUARTILES_FILL,
      class: 'band-quartiles',
    }),
  );
  chart.root.append(
    seriesLine(
      chart,
      band.map((p) => p.median),
      MEDIAN_STYLE,
      0,
      'band-median',
    ),
  );
  if (picked) chart.root.append(seriesLine(chart, picked.values, PICKED_STYLE, 0, 'series picked'));
  const legend = [
    legendItem(legendSwatch(MEDIAN_STYLE), 'Median', 'half the games are above, half below'),
    legendItem(areaSwatch(QUARTILES_FILL), 'Middle half', 'from the lower to the upper quartile'),
    legendItem(areaSwatch(RANGE_FILL), 'Lowest to highest'),
  ];
  if (picked) legend.push(legendItem(legendSwatch(PICKED_STYLE), picked.name, picked.note));
  return figure(
    chart.root,
    title,
    legend,
    `${series.length} games. A game that has ended drops out after its last turn.`,
  );
}

/** The band's numbers as a table, turn by turn. */
export function bandTable(series: readonly Series[], caption: string): HTMLTableElement {
  const band = classBand(series);
  const rows: [string, (p: BandPoint) => number][] = [
    ['Highest', (p) => p.highest],
    ['Upper quartile', (p) => p.upper],
    ['Median', (p) => p.median],
    ['Lower quartile', (p) => p.lower],
    ['Lowest', (p) => p.lowest],
    ['Games still being played', (p) => p.count],
  ];
  return turnTable(
    'data band',
    caption,
    'Tension',
    band.length - 1,
    rows.map(([name, value]) => ({ name, values: band.map(value) })),
  );
}

/** The chart's numbers as a table, for screen readers and for anyone who wants the figures. */
export function seriesTable(series: readonly Series[], caption: string): HTMLTableElement {
  const turns = Math.max(0, ...series.map((s) => s.values.length - 1));
  return turnTable('data', caption, 'Game', turns, series);
}

/** A row of values for each series, a column for each turn. */
function turnTable(
  className: string,
  caption: string,
  corner: string,
  turns: number,
  series: readonly { name: string; values: readonly number[] }[],
): HTMLTableElement {
  const head = el('tr', null, el('th', { attrs: { scope: 'col' } }, corner));
  for (let t = 0; t <= turns; t++) {
    head.append(el('th', { attrs: { scope: 'col' } }, t === 0 ? 'Start' : `Turn ${t}`));
  }
  const body = el('tbody');
  for (const s of series) {
    const row = el('tr', null, el('th', { attrs: { scope: 'row' } }, s.name));
    for (let t = 0; t <= turns; t++) row.append(el('td', { class: 'num' }, s.values[t] ?? ''));
    body.append(row);
  }
  return el(
    'table',
    { class: className },
    el('caption', null, caption),
    el('thead', null, head),
    body,
  );
}

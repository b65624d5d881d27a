// The escalation chart: tension over the turns, one line per game. Each line differs in colour
// (Okabe–Ito), dash pattern and marker shape, so it reads in greyscale print and for colour-blind
// viewers; a legend and a table give the same data in words.
import type { CompiledScenario } from '../sim';
import { el } from './dom';

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
function legendSwatch(style: SeriesStyle): SVGSVGElement {
  const swatch = svg('svg', {
    width: 48,
    height: 16,
    viewBox: '0 0 48 16',
    'aria-hidden': 'true',
    class: 'swatch',
  });
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

/**
 * Tension (0–100) over the turns for each series, with the escalation ladder's rungs as guides.
 * Points are nudged sideways a little per series so that games on the same path stay visible.
 */
export function escalationChart(
  sc: CompiledScenario,
  series: readonly Series[],
  title: string,
): HTMLElement {
  const turns = Math.max(sc.scenario.turns, ...series.map((s) => s.values.length - 1));
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
  titleNode.textContent = `${title}: ${series
    .map((s) => `${s.name}, ${s.values.join(', ')}`)
    .join('; ')}`;
  root.append(titleNode);

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
    text(PAD.left + plotW / 2, HEIGHT - 6, 'Turn (one week each)', {
      'text-anchor': 'middle',
      class: 'axis-label',
    }),
    text(16, PAD.top + plotH / 2, 'Tension', {
      'text-anchor': 'middle',
      class: 'axis-label',
      transform: `rotate(-90 16 ${PAD.top + plotH / 2})`,
    }),
  );

  const nudge = (i: number) => (series.length > 1 ? (i - (series.length - 1) / 2) * 3 : 0);
  series.forEach((s, i) => {
    const style = seriesStyle(i);
    const points = s.values.map((v, t) => [xOf(t) + nudge(i), yOf(v)] as const);
    const group = svg('g', { class: 'series' });
    group.append(line(style, points.map(([x, y]) => `${x},${y}`).join(' ')));
    for (const [x, y] of points) group.append(markerShape(style.marker, x, y, style));
    root.append(group);
  });

  const legend = el('ul', { class: 'legend' });
  series.forEach((s, i) => {
    legend.append(
      el(
        'li',
        null,
        legendSwatch(seriesStyle(i)),
        el('span', { class: 'legend-name' }, s.name),
        s.note ? el('span', { class: 'legend-note' }, ` — ${s.note}`) : null,
      ),
    );
  });
  return el(
    'figure',
    { class: 'escalation' },
    root,
    el('figcaption', null, el('strong', null, title), legend),
  );
}

/** The chart's numbers as a table, for screen readers and for anyone who wants the figures. */
export function seriesTable(series: readonly Series[], caption: string): HTMLTableElement {
  const turns = Math.max(0, ...series.map((s) => s.values.length - 1));
  const head = el('tr', null, el('th', { attrs: { scope: 'col' } }, 'Game'));
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
    { class: 'data' },
    el('caption', null, caption),
    el('thead', null, head),
    body,
  );
}

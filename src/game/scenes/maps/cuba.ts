// The Cuba 1962 map: the Caribbean and the US south-east (assets/map/caribbean.json), with what
// the state says drawn on it, as data (layers.ts): the quarantine line (dashed while prepared,
// solid while in force), the missile sites by their readiness, the Soviet ships bound for Cuba
// by the sea line (hollow: turned back, while the quarantine holds), the US forces at sea and the
// strike and invasion forces in Florida. Cuba is drawn darker once the United States uses force.
import url from '../../../../assets/map/caribbean.json?url';
import { PALETTE } from '../../palette';
import type { MapDescription } from '../map';
import { drawLayers, type Layer } from './layers';

const LAYERS: readonly Layer[] = [
  {
    kind: 'line',
    line: 'quarantine',
    styles: [
      {
        when: { variable: 'quarantineImposed', atLeast: 1 },
        dashed: false,
        colour: PALETTE.yellow,
        width: 3,
        label: 'Quarantine line, in force: {quarantineImposed}',
      },
      {
        when: { variable: 'quarantinePrepared', atLeast: 1 },
        dashed: true,
        colour: PALETTE.muted,
        width: 2,
        label: 'Quarantine line, prepared: {quarantinePrepared}',
      },
    ],
  },
  {
    kind: 'markers',
    region: 'mrbmSites',
    variable: 'missileReadiness',
    per: 20,
    min: 1,
    max: 5,
    shape: 'triangle',
    colour: PALETTE.vermillion,
    label: '▲ Missile sites: readiness {missileReadiness}',
  },
  {
    kind: 'markers',
    region: 'sovietShipsApproaching',
    variable: 'seaLine',
    per: 20,
    min: 0,
    max: 5,
    shape: 'diamond',
    colour: PALETTE.orange,
    label: '◆ Soviet ships bound for Cuba: sea line {seaLine}/100',
    hollow: {
      when: { variable: 'quarantineImposed', atLeast: 1 },
      label: '◇ turned back at the line',
    },
  },
  {
    kind: 'markers',
    region: 'quarantineStations',
    variable: 'quarantineFleet',
    per: 20,
    min: 1,
    max: 5,
    shape: 'square',
    colour: PALETTE.sky,
    label: '■ US forces at sea {quarantineFleet}/100',
  },
  {
    kind: 'markers',
    region: 'usForcesSouthEast',
    variable: 'usStrikeReadiness',
    per: 20,
    min: 1,
    max: 10,
    shape: 'square',
    colour: PALETTE.sky,
    label: '■ US strike and invasion forces {usStrikeReadiness}/100',
  },
];

export const cubaMap: MapDescription = {
  key: 'map-caribbean',
  url,
  labelled: ['CUB', 'USA', 'BHS', 'MEX', 'HTI', 'DOM', 'JAM'],
  cities: ['havana', 'miami', 'guantanamo'],
  waters: ['gulfOfMexico', 'atlanticOcean', 'caribbeanSea', 'straitsOfFlorida'],
  fills: [{ country: 'CUB', variable: 'usForceUsed', atLeast: 1, fill: 0x6b3b2b }],
  overlay: (g, map, px, state, sc) => drawLayers(LAYERS, g, map, px, state, sc),
};

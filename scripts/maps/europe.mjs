// The map of Eastern Europe for the Ukraine scenario (assets/map/europe.json): its frame,
// projection, countries, places and force anchors, and the one border the game draws differently
// from Natural Earth (Crimea). scripts/build-map.mjs turns this into the asset.
import { geoContains } from 'd3-geo';
import { feature, mergeArcs } from 'topojson-client';

/** Short ids and display names for every Natural Earth country that reaches into the frame. */
const COUNTRIES = {
  Albania: ['ALB'],
  Andorra: ['AND'],
  Algeria: ['DZA'],
  Armenia: ['ARM'],
  Austria: ['AUT'],
  Azerbaijan: ['AZE'],
  Belarus: ['BLR'],
  Belgium: ['BEL'],
  'Bosnia and Herz.': ['BIH', 'Bosnia and Herzegovina'],
  Bulgaria: ['BGR'],
  Croatia: ['HRV'],
  Cyprus: ['CYP'],
  Czechia: ['CZE'],
  Denmark: ['DNK'],
  Egypt: ['EGY'],
  Estonia: ['EST'],
  Finland: ['FIN'],
  France: ['FRA'],
  Georgia: ['GEO'],
  Germany: ['DEU'],
  Greece: ['GRC'],
  Hungary: ['HUN'],
  Iran: ['IRN'],
  Iraq: ['IRQ'],
  Israel: ['ISR'],
  Italy: ['ITA'],
  Jordan: ['JOR'],
  Kazakhstan: ['KAZ'],
  Ireland: ['IRL'],
  'Isle of Man': ['IMN'],
  Jersey: ['JEY'],
  Kosovo: ['XKX'],
  Latvia: ['LVA'],
  Lebanon: ['LBN'],
  Libya: ['LBY'],
  Liechtenstein: ['LIE'],
  Lithuania: ['LTU'],
  Luxembourg: ['LUX'],
  Macedonia: ['MKD', 'North Macedonia'],
  Malta: ['MLT'],
  Moldova: ['MDA'],
  Montenegro: ['MNE'],
  'N. Cyprus': ['CYN', 'Northern Cyprus'],
  Netherlands: ['NLD'],
  Norway: ['NOR'],
  Palestine: ['PSE'],
  Poland: ['POL'],
  Romania: ['ROU'],
  Russia: ['RUS'],
  'San Marino': ['SMR'],
  'Saudi Arabia': ['SAU'],
  Spain: ['ESP'],
  Serbia: ['SRB'],
  Slovakia: ['SVK'],
  Slovenia: ['SVN'],
  Sweden: ['SWE'],
  Switzerland: ['CHE'],
  Syria: ['SYR'],
  Tunisia: ['TUN'],
  Turkey: ['TUR'],
  Turkmenistan: ['TKM'],
  Ukraine: ['UKR'],
  'United Kingdom': ['GBR'],
  Uzbekistan: ['UZB'],
  Vatican: ['VAT', 'Vatican City'],
  Åland: ['ALA', 'Åland Islands'],
};
/** The crisis actors; everything else is background. */
const FOCUS = new Set(['UKR', 'RUS', 'BLR', 'POL', 'EST', 'LVA', 'LTU', 'ROU', 'MDA']);

/** Named points: id, name, lon, lat, and the country it lies in (null for sea points). */
const PLACES = [
  ['kyiv', 'Kyiv', 30.5234, 50.4501, 'UKR'],
  ['moscow', 'Moscow', 37.6173, 55.7558, 'RUS'],
  ['minsk', 'Minsk', 27.5615, 53.9045, 'BLR'],
  ['warsaw', 'Warsaw', 21.0122, 52.2297, 'POL'],
  ['bucharest', 'Bucharest', 26.1025, 44.4268, 'ROU'],
  ['vilnius', 'Vilnius', 25.2797, 54.6872, 'LTU'],
  ['riga', 'Riga', 24.1052, 56.9496, 'LVA'],
  ['tallinn', 'Tallinn', 24.7536, 59.437, 'EST'],
  ['chisinau', 'Chișinău', 28.8638, 47.0105, 'MDA'],
  ['sevastopol', 'Sevastopol', 33.5224, 44.6166, 'UKR'],
  ['donetsk', 'Donetsk', 37.8028, 48.0159, 'UKR'],
  ['luhansk', 'Luhansk', 39.3078, 48.574, 'UKR'],
  ['kharkiv', 'Kharkiv', 36.2304, 49.9935, 'UKR'],
  ['brest', 'Brest', 23.6851, 52.0976, 'BLR'],
  ['gomel', 'Gomel', 30.9754, 52.4345, 'BLR'],
  ['rostov', 'Rostov-on-Don', 39.7015, 47.2357, 'RUS'],
  ['voronezh', 'Voronezh', 39.2003, 51.672, 'RUS'],
  ['belgorod', 'Belgorod', 36.5873, 50.5997, 'RUS'],
  ['yelnya', 'Yelnya', 33.1751, 54.5781, 'RUS'],
  ['constanta', 'Constanța', 28.6348, 44.1598, 'ROU'],
  ['blackSea', 'Black Sea', 34, 43.5, null],
  ['balticSea', 'Baltic Sea', 19.2, 55.6, null],
  ['carrierStation', 'Eastern Mediterranean', 25, 34.5, null],
];

/** Anchor points where the game draws forces: lists of [id, lon, lat, country]. */
const REGIONS = {
  russianForcesNearUkraine: [
    ['yelnya', 33.1751, 54.5781, 'RUS'],
    ['belgorod', 36.5873, 50.5997, 'RUS'],
    ['voronezh', 39.2003, 51.672, 'RUS'],
    ['rostov', 39.7015, 47.2357, 'RUS'],
    // Northern Crimea (Dzhankoi): inside Ukraine's outline, and inside the Crimea of `disputed`.
    ['crimea', 34.3928, 45.7086, 'UKR'],
  ],
  belarusStaging: [
    ['brest', 23.6851, 52.0976, 'BLR'],
    ['luninets', 26.8043, 52.2472, 'BLR'],
    ['mozyr', 29.2456, 52.0495, 'BLR'],
    ['gomel', 30.9754, 52.4345, 'BLR'],
  ],
  eastFlank: [
    ['tapa', 25.9593, 59.2607, 'EST'],
    ['adazi', 24.3236, 57.0756, 'LVA'],
    ['rukla', 24.1903, 55.0689, 'LTU'],
    ['orzysz', 21.9469, 53.8083, 'POL'],
    ['rzeszow', 22.0047, 50.0412, 'POL'],
    ['mihailKogalniceanu', 28.4883, 44.3622, 'ROU'],
  ],
  carrierStation: [['carrierStation', 25, 34.5, null]],
};

/**
 * Natural Earth draws borders as controlled on the ground ("de facto"), so world-atlas puts Crimea in
 * Russia's outline. The game follows the internationally recognised border (UN General Assembly
 * resolution 68/262): this moves the Crimea polygon from Russia to Ukraine, merges it into Ukraine's
 * outline, and returns it so that the map can also list it as Russian-controlled since 2014.
 */
function moveCrimeaToUkraine(topology) {
  const geometries = topology.objects.countries.geometries;
  const russia = geometries.find((g) => g.properties.name === 'Russia');
  const ukraine = geometries.find((g) => g.properties.name === 'Ukraine');
  const sevastopol = [33.5224, 44.6166];
  const index = russia.arcs.findIndex((arcs) =>
    geoContains(feature(topology, { type: 'Polygon', arcs }), sevastopol),
  );
  if (index < 0) throw new Error('world-atlas has no Crimea polygon in Russia any more');
  const [crimea] = russia.arcs.splice(index, 1);
  const merged = mergeArcs(topology, [ukraine, { type: 'Polygon', arcs: crimea }]);
  ukraine.type = merged.type;
  ukraine.arcs = merged.arcs;
  return { type: 'Polygon', arcs: crimea };
}

export const europe = {
  file: 'europe.json',
  /** The frame must show at least this box (lon/lat, degrees); 16:10 shows more east–west. */
  fitBox: { lon: [12, 45], lat: [33, 61] },
  /** Lambert conformal conic for the 33°–61° N band (one-sixth rule), centred on 30° E. */
  parallels: [38, 56],
  rotate: [-30, 0, 0],
  countries: COUNTRIES,
  focus: FOCUS,
  places: PLACES,
  regions: REGIONS,
  disputed: (topology) => [
    {
      id: 'crimea',
      name: 'Crimea',
      recognisedAs: 'UKR',
      controlledBy: 'RUS',
      controlledSince: 2014,
      geometry: moveCrimeaToUkraine(topology),
    },
  ],
};

// The map of the Caribbean and the US south-east for the Cuba 1962 scenario
// (assets/map/caribbean.json): Florida and the Gulf coast, Cuba in the middle, the Bahamas,
// Hispaniola, Jamaica, the Yucatán and northern Central America, and enough Atlantic east of the
// Bahamas for the quarantine line. Washington (38.9° N) lies far north of the frame: left out.
// Outlines and names are Natural Earth's, that is today's (Belize was British Honduras in 1962).
// scripts/build-map.mjs turns this into the asset.

/** Short ids and display names for every Natural Earth country that reaches into the frame. */
const COUNTRIES = {
  'United States of America': ['USA', 'United States'],
  Cuba: ['CUB'],
  Bahamas: ['BHS', 'The Bahamas'],
  Haiti: ['HTI'],
  'Dominican Rep.': ['DOM', 'Dominican Republic'],
  Jamaica: ['JAM'],
  'Puerto Rico': ['PRI'],
  Mexico: ['MEX'],
  Guatemala: ['GTM'],
  Belize: ['BLZ'],
  Honduras: ['HND'],
  'El Salvador': ['SLV'],
  Nicaragua: ['NIC'],
  'Costa Rica': ['CRI'],
  Colombia: ['COL'],
  Venezuela: ['VEN'],
  'Cayman Is.': ['CYM', 'Cayman Islands'],
  'Turks and Caicos Is.': ['TCA', 'Turks and Caicos Islands'],
  'U.S. Virgin Is.': ['VIR', 'US Virgin Islands'],
  'British Virgin Is.': ['VGB', 'British Virgin Islands'],
  Anguilla: ['AIA'],
  'St-Martin': ['MAF', 'Saint Martin'],
  'Sint Maarten': ['SXM'],
  'St-Barthélemy': ['BLM', 'Saint Barthélemy'],
  'St. Kitts and Nevis': ['KNA', 'Saint Kitts and Nevis'],
  'Antigua and Barb.': ['ATG', 'Antigua and Barbuda'],
  Montserrat: ['MSR'],
  Aruba: ['ABW'],
  Curaçao: ['CUW'],
  Netherlands: ['NLD'],
  France: ['FRA'],
  Bermuda: ['BMU'],
};
/** The crisis actors on this map; everything else is background. */
const FOCUS = new Set(['USA', 'CUB']);

/** Where the quarantine line is measured from: Cape Maisí (Punta de Maisí), Cuba's eastern tip. */
const CAPE_MAISI = [-74.13, 20.24];
const NAUTICAL_MILE_METRES = 1852;
const EARTH_RADIUS_METRES = 6371008.8;

/**
 * The point `nauticalMiles` from `from` ([lon, lat]) on the initial bearing `bearing` (degrees
 * clockwise from north), on a sphere; rounded to 0.01° (about a kilometre), so the asset's bytes
 * do not hang on the last bits of the maths library.
 */
function destination([lon, lat], bearing, nauticalMiles) {
  const radians = Math.PI / 180;
  const distance = (nauticalMiles * NAUTICAL_MILE_METRES) / EARTH_RADIUS_METRES;
  const phi = lat * radians;
  const theta = bearing * radians;
  const phi2 = Math.asin(
    Math.sin(phi) * Math.cos(distance) + Math.cos(phi) * Math.sin(distance) * Math.cos(theta),
  );
  const lambda2 =
    lon * radians +
    Math.atan2(
      Math.sin(theta) * Math.sin(distance) * Math.cos(phi),
      Math.cos(distance) - Math.sin(phi) * Math.sin(phi2),
    );
  const to2 = (value) => Math.round((value / radians) * 100) / 100;
  return [to2(lambda2), to2(phi2)];
}

/**
 * The quarantine line, an approximation. cuba-1962.md (../shared/reference) gives neither its
 * distance nor its position. The distance is the 500 nautical miles that accounts commonly give;
 * the arc is drawn round Cape Maisí, and only where the US Navy's historian puts the lines: "both
 * located east of the Bahamas and north of Puerto Rico" (Curtis A. Utz, Cordon of Steel: The U.S.
 * Navy and the Cuban Missile Crisis, Naval Historical Center 1993, pp. 6–7, as quoted by
 * awesomestories.com). Bearings 350° to 90°, every 5°: from north-east of the Abacos round to
 * north-east of Puerto Rico.
 */
const QUARANTINE_RADIUS_NM = 500;
const QUARANTINE_BEARINGS = Array.from({ length: 21 }, (_, i) => 350 + 5 * i);
const quarantinePoints = QUARANTINE_BEARINGS.map((bearing) =>
  destination(CAPE_MAISI, bearing % 360, QUARANTINE_RADIUS_NM),
);

/**
 * Named points: id, name, lon, lat, and the country it lies in (null for sea points). Coastal
 * points (Miami, Guantánamo Bay, Cape Maisí, and Tampa below) sit a few kilometres inland of the
 * true spot, so that they fall inside the simplified 1:50m coastline and their dots are on land.
 */
const PLACES = [
  ['miami', 'Miami', -80.23, 25.78, 'USA'],
  ['keyWest', 'Key West', -81.78, 24.5551, 'USA'],
  ['havana', 'Havana', -82.3666, 23.1136, 'CUB'],
  // MRBM sites: San Cristóbal in the west, Sagua la Grande in the centre.
  ['sanCristobal', 'San Cristóbal', -83.05, 22.72, 'CUB'],
  ['saguaLaGrande', 'Sagua la Grande', -80.08, 22.81, 'CUB'],
  // IRBM sites under construction: Guanajay west of Havana, Remedios in the centre.
  ['guanajay', 'Guanajay', -82.69, 22.92, 'CUB'],
  ['remedios', 'Remedios', -79.55, 22.49, 'CUB'],
  // Where Major Anderson's U-2 was shot down on 27 October.
  ['banes', 'Banes', -75.72, 20.96, 'CUB'],
  // The US naval base, on Cuban soil leased to the United States since 1903.
  ['guantanamo', 'Guantánamo Bay', -75.12, 19.98, 'CUB'],
  ['capeMaisi', 'Cape Maisí', -74.2, 20.22, 'CUB'],
  ['gulfOfMexico', 'Gulf of Mexico', -90, 25.5, null],
  ['caribbeanSea', 'Caribbean Sea', -76, 15.5, null],
  ['atlanticOcean', 'Atlantic Ocean', -68, 27, null],
  ['straitsOfFlorida', 'Straits of Florida', -81.5, 24, null],
];

/** A named place as an anchor: [id, lon, lat, country]. */
function anchorAt(id) {
  const [, , lon, lat, country] = PLACES.find((place) => place[0] === id);
  return [id, lon, lat, country];
}

/** Anchor points where the game draws forces and ships: lists of [id, lon, lat, country]. */
const REGIONS = {
  mrbmSites: ['sanCristobal', 'saguaLaGrande'].map(anchorAt),
  irbmSites: ['guanajay', 'remedios'].map(anchorAt),
  // US air and invasion bases in the south-east (drawing anchors, not an order of battle).
  usForcesSouthEast: [
    anchorAt('keyWest'),
    ['homestead', -80.38, 25.49, 'USA'],
    ['tampa', -82.46, 27.97, 'USA'],
    ['pensacola', -87.3, 30.35, 'USA'],
    ['mayport', -81.41, 30.39, 'USA'],
  ],
  guantanamo: [anchorAt('guantanamo')],
  // US ships on the line, at three of its bearings.
  quarantineStations: [10, 45, 80].map((bearing) => [
    `quarantine${bearing}`,
    ...destination(CAPE_MAISI, bearing, QUARANTINE_RADIUS_NM),
    null,
  ]),
  // Soviet ships bound for Cuba, out in the Atlantic 120 nautical miles beyond the line.
  sovietShipsApproaching: [15, 45, 75].map((bearing) => [
    `approach${bearing}`,
    ...destination(CAPE_MAISI, bearing, QUARANTINE_RADIUS_NM + 120),
    null,
  ]),
};

export const caribbean = {
  file: 'caribbean.json',
  /** The frame must show at least this box (lon/lat, degrees): Gulf coast to Puerto Rico's east. */
  fitBox: { lon: [-95, -63], lat: [15, 31] },
  /** Lambert conformal conic for the 12°–33° N band the frame shows (one-sixth rule), at 79° W. */
  parallels: [15.5, 29.5],
  rotate: [79, 0, 0],
  countries: COUNTRIES,
  focus: FOCUS,
  places: PLACES,
  regions: REGIONS,
  lines: [
    {
      id: 'quarantine',
      name: 'Quarantine line',
      note:
        `An approximation: an arc ${QUARANTINE_RADIUS_NM} nautical miles from Cape Maisí, ` +
        'east of the Bahamas and north of Puerto Rico (Utz, Cordon of Steel, 1993).',
      points: quarantinePoints,
    },
  ],
};

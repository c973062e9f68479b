/**
 * Where a region is priced: the continent-sized areas the clouds' transfer price lists are drawn by (North
 * America, Europe, Asia, ...). A catalogue region's area is a table, from its country (engine/geo/data/regions.json,
 * placed by @rapideditor/country-coder at `npm run data`); a custom region's comes from coarse continent polygons,
 * as the country coder is a build-time tool (a devDependency, 690 KB of borders) and not bundled with the engine.
 */
import { catalogRegions } from '../geo/catalog.ts';
import { greatCircleKm } from '../geo/greatCircle.ts';

export type PriceArea = 'north-america' | 'south-america' | 'europe' | 'middle-east' | 'africa' | 'asia' | 'oceania';

/**
 * Each catalogue region's area, by its country: Israel, the Gulf and Saudi Arabia are the Middle East (as Azure's
 * price list has them); Mexico is North America; India and Indonesia are Asia; Australia and New Zealand, Oceania.
 */
export const CATALOGUE_PRICE_AREAS: Readonly<Record<string, PriceArea>> = {
  'aws:af-south-1': 'africa', // Cape Town, ZA
  'aws:ap-east-1': 'asia', // Hong Kong, HK
  'aws:ap-northeast-1': 'asia', // Tokyo, JP
  'aws:ap-northeast-2': 'asia', // Seoul, KR
  'aws:ap-northeast-3': 'asia', // Osaka, JP
  'aws:ap-south-1': 'asia', // Mumbai, IN
  'aws:ap-south-2': 'asia', // Hyderabad, IN
  'aws:ap-southeast-1': 'asia', // Singapore, SG
  'aws:ap-southeast-2': 'oceania', // Sydney, AU
  'aws:ap-southeast-3': 'asia', // Jakarta, ID
  'aws:ap-southeast-4': 'oceania', // Melbourne, AU
  'aws:ap-southeast-5': 'asia', // Kuala Lumpur, MY
  'aws:ap-southeast-7': 'asia', // Bangkok, TH
  'aws:ca-central-1': 'north-america', // Montreal, CA
  'aws:ca-west-1': 'north-america', // Calgary, CA
  'aws:eu-central-1': 'europe', // Frankfurt, DE
  'aws:eu-central-2': 'europe', // Zurich, CH
  'aws:eu-north-1': 'europe', // Stockholm, SE
  'aws:eu-south-1': 'europe', // Milan, IT
  'aws:eu-south-2': 'europe', // Aragon (Zaragoza area), ES
  'aws:eu-west-1': 'europe', // Dublin, IE
  'aws:eu-west-2': 'europe', // London, GB
  'aws:eu-west-3': 'europe', // Paris, FR
  'aws:il-central-1': 'middle-east', // Tel Aviv, IL
  'aws:me-central-1': 'middle-east', // Dubai, AE
  'aws:me-south-1': 'middle-east', // Bahrain, BH
  'aws:mx-central-1': 'north-america', // Mexico City, MX
  'aws:sa-east-1': 'south-america', // Sao Paulo, BR
  'aws:us-east-1': 'north-america', // Ashburn, US
  'aws:us-east-2': 'north-america', // Columbus, US
  'aws:us-west-1': 'north-america', // Santa Clara, US
  'aws:us-west-2': 'north-america', // Lexington, US
  'gcp:africa-south1': 'africa', // Johannesburg, ZA
  'gcp:asia-east1': 'asia', // Taiwan, TW
  'gcp:asia-east2': 'asia', // Hong Kong, HK
  'gcp:asia-northeast1': 'asia', // Tokyo, JP
  'gcp:asia-northeast2': 'asia', // Osaka, JP
  'gcp:asia-northeast3': 'asia', // Seoul, KR
  'gcp:asia-south1': 'asia', // Mumbai, IN
  'gcp:asia-south2': 'asia', // Delhi, IN
  'gcp:asia-southeast1': 'asia', // Singapore, SG
  'gcp:asia-southeast2': 'asia', // Jakarta, ID
  'gcp:australia-southeast1': 'oceania', // Sydney, AU
  'gcp:australia-southeast2': 'oceania', // Melbourne, AU
  'gcp:europe-central2': 'europe', // Warsaw, PL
  'gcp:europe-north1': 'europe', // Hamina, FI
  'gcp:europe-southwest1': 'europe', // Madrid, ES
  'gcp:europe-west1': 'europe', // St. Ghislain, BE
  'gcp:europe-west10': 'europe', // Berlin, DE
  'gcp:europe-west12': 'europe', // Turin, IT
  'gcp:europe-west2': 'europe', // London, GB
  'gcp:europe-west3': 'europe', // Frankfurt, DE
  'gcp:europe-west4': 'europe', // Eemshaven, NL
  'gcp:europe-west6': 'europe', // Zurich, CH
  'gcp:europe-west8': 'europe', // Milan, IT
  'gcp:europe-west9': 'europe', // Paris (Clichy), FR
  'gcp:me-central1': 'middle-east', // Doha, QA
  'gcp:me-central2': 'middle-east', // Dammam, SA
  'gcp:me-west1': 'middle-east', // Tel Aviv, IL
  'gcp:northamerica-northeast1': 'north-america', // Montréal, CA
  'gcp:northamerica-northeast2': 'north-america', // Toronto, CA
  'gcp:southamerica-east1': 'south-america', // São Paulo, BR
  'gcp:southamerica-west1': 'south-america', // Santiago, CL
  'gcp:us-central1': 'north-america', // Council Bluffs, US
  'gcp:us-east1': 'north-america', // South Carolina, US
  'gcp:us-east4': 'north-america', // Northern Virginia, US
  'gcp:us-east5': 'north-america', // Columbus, US
  'gcp:us-south1': 'north-america', // Dallas, US
  'gcp:us-west1': 'north-america', // The Dalles, US
  'gcp:us-west2': 'north-america', // Los Angeles, US
  'gcp:us-west3': 'north-america', // Salt Lake City, US
  'gcp:us-west4': 'north-america', // Las Vegas, US
  'azure:australiacentral': 'oceania', // Canberra, AU
  'azure:australiacentral2': 'oceania', // Canberra, AU
  'azure:australiaeast': 'oceania', // New South Wales, AU
  'azure:australiasoutheast': 'oceania', // Victoria, AU
  'azure:austriaeast': 'europe', // Vienna, AT
  'azure:belgiumcentral': 'europe', // Brussels, BE
  'azure:brazilsouth': 'south-america', // Sao Paulo State, BR
  'azure:canadacentral': 'north-america', // Toronto, CA
  'azure:canadaeast': 'north-america', // Quebec, CA
  'azure:centralindia': 'asia', // Pune, IN
  'azure:centralus': 'north-america', // Iowa, US
  'azure:denmarkeast': 'europe', // Copenhagen, DK
  'azure:eastasia': 'asia', // Hong Kong, HK
  'azure:eastus': 'north-america', // Virginia, US
  'azure:eastus2': 'north-america', // Virginia, US
  'azure:francecentral': 'europe', // Paris, FR
  'azure:francesouth': 'europe', // Marseille, FR
  'azure:germanynorth': 'europe', // Berlin, DE
  'azure:germanywestcentral': 'europe', // Frankfurt, DE
  'azure:indonesiacentral': 'asia', // Jakarta, ID
  'azure:israelcentral': 'middle-east', // Tel Aviv, IL
  'azure:italynorth': 'europe', // Milan, IT
  'azure:japaneast': 'asia', // Tokyo, JP
  'azure:japanwest': 'asia', // Osaka, JP
  'azure:jioindiawest': 'asia', // Jamnagar, IN
  'azure:koreacentral': 'asia', // Seoul, KR
  'azure:koreasouth': 'asia', // Busan, KR
  'azure:malaysiawest': 'asia', // Kuala Lumpur, MY
  'azure:mexicocentral': 'north-america', // Querétaro State, MX
  'azure:newzealandnorth': 'oceania', // Auckland, NZ
  'azure:northcentralus': 'north-america', // Illinois, US
  'azure:northeurope': 'europe', // Ireland, IE
  'azure:norwayeast': 'europe', // Norway, NO
  'azure:norwaywest': 'europe', // Norway, NO
  'azure:polandcentral': 'europe', // Warsaw, PL
  'azure:qatarcentral': 'middle-east', // Doha, QA
  'azure:southafricanorth': 'africa', // Johannesburg, ZA
  'azure:southafricawest': 'africa', // Cape Town, ZA
  'azure:southcentralus': 'north-america', // Texas, US
  'azure:southeastasia': 'asia', // Singapore, SG
  'azure:southindia': 'asia', // Chennai, IN
  'azure:spaincentral': 'europe', // Madrid, ES
  'azure:swedencentral': 'europe', // Gävle, SE
  'azure:switzerlandnorth': 'europe', // Zurich, CH
  'azure:switzerlandwest': 'europe', // Geneva, CH
  'azure:uaecentral': 'middle-east', // Abu Dhabi, AE
  'azure:uaenorth': 'middle-east', // Dubai, AE
  'azure:uksouth': 'europe', // London, GB
  'azure:ukwest': 'europe', // Cardiff, GB
  'azure:westcentralus': 'north-america', // Wyoming, US
  'azure:westeurope': 'europe', // Netherlands, NL
  'azure:westus': 'north-america', // California, US
  'azure:westus2': 'north-america', // Washington, US
  'azure:westus3': 'north-america', // Phoenix, US
  'ibm:dallas': 'north-america', // Dallas, US
  'ibm:toronto': 'north-america', // Toronto, CA
  'ibm:washington-dc': 'north-america', // Washington DC, US
  'ibm:frankfurt': 'europe', // Frankfurt, DE
  'ibm:london': 'europe', // London, GB
  'ibm:madrid': 'europe', // Madrid, ES
  'ibm:montreal': 'north-america', // Montreal, CA
  'ibm:mumbai': 'asia', // Mumbai, IN
  'ibm:osaka': 'asia', // Osaka, JP
  'ibm:sydney': 'oceania', // Sydney, AU
  'ibm:tokyo': 'asia', // Tokyo, JP
  'ibm:sao-paulo': 'south-america', // Sao Paulo, BR
  'ibm:chennai': 'asia', // Chennai, IN
};

/** A polygon of [lon, lat] corners in degrees, not crossing the antimeridian. */
type Polygon = readonly (readonly [number, number])[];

// The Mediterranean, the Red Sea and the Gulf of Aden divide Africa from Europe and the Middle East; the corners
// below run along their middles (between Tarifa and Tangier, Sardinia and Algeria, Sicily and Tunisia, Crete and
// Libya, the Sinai and Israel, the two shores of the Red Sea, Aden and Djibouti).
const AFRICA_NORTH_SHORE: Polygon = [
  [-26, 36], [-5.6, 35.95], [-2.5, 36], [-1, 36.5], [1.5, 37.4], [8.5, 37.6], [10, 37.7], [11.5, 37.4], [12.2, 35],
  [15.5, 35], [20, 34], [28, 34], [32.5, 31.8], [34.25, 31.32],
];
const RED_SEA: Polygon = [
  [34.9, 29.5], [34.62, 28.2], [34.3, 27.6], [35.5, 26], [37.5, 22], [39.5, 18], [41.7, 15], [43.4, 12.6], [45, 12.2],
  [51.5, 12.3], [62, 12],
];
// The Middle East's land border with Asia (Iran's with Pakistan, Afghanistan and Turkmenistan), across the
// Caspian, and with the Caucasus and Turkey (Europe here), to the Syrian coast.
const MIDDLE_EAST_NORTH_AND_EAST: Polygon = [
  [61.6, 25.1], [63.2, 27.2], [60.9, 29.9], [61, 31.4], [61.2, 35.6], [61.2, 36.6], [59, 37.4], [56.5, 38], [54, 37.3],
  [48.9, 38.4], [48.3, 39.4], [47, 39.2], [45.6, 38.9], [44.8, 39.7], [44.2, 38.4], [44.8, 37.15], [42.4, 37.1],
  [38, 36.8], [36.7, 36.25], [36, 35.85], [34.9, 34.6], [34, 31.6],
];

/** Tried in order; the first that holds the point gives its area. */
const AREA_POLYGONS: readonly { readonly area: PriceArea; readonly polygon: Polygon }[] = [
  { area: 'middle-east', polygon: [[34.25, 31.32], ...RED_SEA, ...MIDDLE_EAST_NORTH_AND_EAST] },
  { area: 'africa', polygon: [...AFRICA_NORTH_SHORE, ...RED_SEA, [62, -45], [-26, -45]] },
  {
    area: 'europe',
    // West of the Urals and the Caspian, north of Africa and the Middle East (Turkey and the Caucasus included).
    polygon: [
      [-32, 82], [66, 82], [66, 69], [60, 68.5], [59, 60], [59.5, 55], [57, 51], [51.5, 47], [51, 40],
      ...[...MIDDLE_EAST_NORTH_AND_EAST].reverse().slice(0, -1), [34, 31.6], ...[...AFRICA_NORTH_SHORE].reverse(), [-32, 36],
    ],
  },
  // Australia, New Zealand, New Guinea east of the Indonesian border, and the Pacific islands; Indonesia, Timor
  // and the Philippines are Asia.
  { area: 'oceania', polygon: [[95, -11], [126, -11.2], [133, -9.5], [141, -9.2], [141, 1], [131, 4], [131, 21], [180, 21], [180, -60], [95, -60]] },
  { area: 'oceania', polygon: [[-180, 15], [-125, 15], [-125, -60], [-180, -60]] },
  // South of Panama's border with Colombia, and the southern Caribbean (Trinidad, Aruba).
  {
    area: 'south-america',
    polygon: [[-77.35, 8.7], [-75.5, 11.8], [-71.5, 13], [-60, 11.5], [-50, 8], [-28, 0], [-28, -60], [-82, -60], [-112, -30], [-92, 2], [-77.9, 7.2]],
  },
  {
    area: 'north-america',
    polygon: [[-180, 15], [-180, 85], [-32, 85], [-32, 10], [-50, 8], [-60, 11.5], [-71.5, 13], [-75.5, 11.8], [-77.35, 8.7], [-77.9, 7.2], [-92, 2], [-125, 2], [-125, 15]],
  },
  { area: 'asia', polygon: [[25, 90], [180, 90], [180, -12], [25, -12]] },
  { area: 'asia', polygon: [[-180, 90], [-169, 90], [-169, 55], [-180, 55]] }, // Chukotka, east of the antimeridian
];

/** Whether [lon, lat] lies inside the polygon (even-odd rule over its edges, in plain degrees). */
function contains(polygon: Polygon, lon: number, lat: number): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i] as readonly [number, number];
    const [xj, yj] = polygon[j] as readonly [number, number];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * The area a point on the map is priced in: the first continent polygon that holds it; in open ocean, where none
 * does, the area of the nearest catalogue region.
 */
export function priceAreaAt(lat: number, lon: number): PriceArea {
  for (const { area, polygon } of AREA_POLYGONS) if (contains(polygon, lon, lat)) return area;
  let nearest: PriceArea = 'north-america';
  let nearestKm = Infinity;
  for (const region of catalogRegions) {
    const km = greatCircleKm({ lat, lon }, region);
    if (km < nearestKm) {
      nearestKm = km;
      nearest = CATALOGUE_PRICE_AREAS[region.id] ?? nearest;
    }
  }
  return nearest;
}

/**
 * List prices of data transfer between two regions of a cloud, in USD per GB, by provider, from the sender's
 * region or price area (priceAreas.ts) and, where the price list says so, the receiver's. Sources and their dates
 * are beside each table; these are first-tier list prices, before any volume or committed-use discount.
 */
import { findCatalogRegion, type CatalogRegion } from '../geo/catalog.ts';
import { CATALOGUE_PRICE_AREAS, priceAreaAt, type PriceArea } from './priceAreas.ts';

/**
 * AWS charges by the sending region, the same to every other AWS region. From the AWS price matrix in
 * ../shared/data/aws_transfer_usd_per_gb_2023-04-27.csv (skyplane's copy of AWS's price list, Apache-2.0): each
 * region's row, which is one price to every destination except us-east-1 and us-east-2 to each other.
 */
export const AWS_USD_PER_GB: Readonly<Record<string, number>> = {
  'af-south-1': 0.147,
  'ap-east-1': 0.09,
  'ap-northeast-1': 0.09,
  'ap-northeast-2': 0.08,
  'ap-northeast-3': 0.09,
  'ap-south-1': 0.086,
  'ap-southeast-1': 0.09,
  'ap-southeast-2': 0.098,
  'ap-southeast-3': 0.1,
  'ca-central-1': 0.02,
  'eu-central-1': 0.02,
  'eu-central-2': 0.02,
  'eu-north-1': 0.02,
  'eu-south-1': 0.02,
  'eu-south-2': 0.02,
  'eu-west-1': 0.02,
  'eu-west-2': 0.02,
  'eu-west-3': 0.02,
  'me-central-1': 0.085,
  'me-south-1': 0.1105,
  'sa-east-1': 0.138,
  'us-east-1': 0.02,
  'us-east-2': 0.02,
  'us-west-1': 0.02,
  'us-west-2': 0.02,
  // Regions opened after the matrix was taken (2023-04-27) are not in it. Each is given the price of the nearest
  // region that is (great circle): an assumption, not a quoted price.
  'ap-south-2': 0.086, // Hyderabad: as Mumbai
  'ap-southeast-4': 0.098, // Melbourne: as Sydney
  'ap-southeast-5': 0.09, // Kuala Lumpur: as Singapore
  'ap-southeast-7': 0.09, // Bangkok: as Singapore
  'ca-west-1': 0.02, // Calgary: as Oregon
  'il-central-1': 0.1105, // Tel Aviv: as Bahrain
  'mx-central-1': 0.02, // Mexico City: as Ohio
};

/** AWS pairs priced apart from the sender's rate (the matrix above): us-east-1 and us-east-2, $0.01 either way. */
export const AWS_PAIR_USD_PER_GB: Readonly<Record<string, number>> = {
  'us-east-1>us-east-2': 0.01,
  'us-east-2>us-east-1': 0.01,
};

/** A price list by area: to a region in the sender's own area, and to any other area. */
export interface AreaPrices {
  readonly withinAreaUsdPerGb: number;
  readonly toOtherAreasUsdPerGb: number;
}

/**
 * Azure, "Data transfer between Azure regions" (azure.microsoft.com/pricing/details/bandwidth, 2024-2025 list):
 * by the sender's area, intra-continental and inter-continental. Transcribed from memory of that page, not from a
 * stored copy; lucidity.cloud's 2025 summary agrees on $0.02 within North America and Europe, $0.08 Asia and the
 * Middle East, $0.16 South America.
 */
export const AZURE_AREA_PRICES: Readonly<Record<PriceArea, AreaPrices>> = {
  'north-america': { withinAreaUsdPerGb: 0.02, toOtherAreasUsdPerGb: 0.05 },
  europe: { withinAreaUsdPerGb: 0.02, toOtherAreasUsdPerGb: 0.05 },
  asia: { withinAreaUsdPerGb: 0.08, toOtherAreasUsdPerGb: 0.08 },
  oceania: { withinAreaUsdPerGb: 0.08, toOtherAreasUsdPerGb: 0.08 },
  'middle-east': { withinAreaUsdPerGb: 0.08, toOtherAreasUsdPerGb: 0.08 },
  africa: { withinAreaUsdPerGb: 0.16, toOtherAreasUsdPerGb: 0.16 },
  'south-america': { withinAreaUsdPerGb: 0.16, toOtherAreasUsdPerGb: 0.16 },
};

/**
 * Google Cloud, VM-to-VM data transfer between regions (Premium tier), as skyplane's GcpPricing transcribes GCP's
 * list (skyplane/compute/gcp/gcp_pricing.py, the project the AWS matrix comes from): within a continent $0.01
 * North America, $0.02 Europe, $0.05 Asia, $0.08 South America and Oceania; between continents $0.08, or $0.15
 * when either end is in Oceania or is Jakarta (asia-southeast2). Google has since revised its list (2024) and
 * opened Middle East and Africa regions, which that list has not: those two are given $0.08 within, as South
 * America, an assumption.
 */
export const GCP_AREA_PRICES: Readonly<Record<PriceArea, AreaPrices>> = {
  'north-america': { withinAreaUsdPerGb: 0.01, toOtherAreasUsdPerGb: 0.08 },
  europe: { withinAreaUsdPerGb: 0.02, toOtherAreasUsdPerGb: 0.08 },
  asia: { withinAreaUsdPerGb: 0.05, toOtherAreasUsdPerGb: 0.08 },
  oceania: { withinAreaUsdPerGb: 0.08, toOtherAreasUsdPerGb: 0.15 },
  'middle-east': { withinAreaUsdPerGb: 0.08, toOtherAreasUsdPerGb: 0.08 },
  africa: { withinAreaUsdPerGb: 0.08, toOtherAreasUsdPerGb: 0.08 },
  'south-america': { withinAreaUsdPerGb: 0.08, toOtherAreasUsdPerGb: 0.08 },
};
/** GCP's between-continent price to or from Oceania and these regions (Jakarta). */
export const GCP_FAR_USD_PER_GB = 0.15;
export const GCP_FAR_REGIONS: ReadonlySet<string> = new Set(['gcp:asia-southeast2']);

/**
 * IBM Cloud: traffic over IBM's private network between its data centres is not metered (IBM Cloud classic
 * infrastructure bandwidth terms; from memory of IBM's pages, not a stored copy).
 */
export const IBM_USD_PER_GB = 0;

/**
 * A custom region (anywhere on the map, no provider) pays by its area what AWS charges out of its regions there
 * (the matrix above): $0.02 North America and Europe, $0.09 Asia (Tokyo, Osaka, Hong Kong, Singapore), $0.098
 * Oceania (Sydney), $0.1105 the Middle East (Bahrain), $0.147 Africa (Cape Town), $0.138 South America (São Paulo).
 */
export const CUSTOM_AREA_USD_PER_GB: Readonly<Record<PriceArea, number>> = {
  'north-america': 0.02,
  europe: 0.02,
  asia: 0.09,
  oceania: 0.098,
  'middle-east': 0.1105,
  africa: 0.147,
  'south-america': 0.138,
};

/** One end of a transfer: a catalogue region (`provider:code`), or a custom one at a point. */
export interface TransferEnd {
  readonly catalog: string | undefined;
  readonly lat: number;
  readonly lon: number;
}

/** A transfer end resolved once (its catalogue entry and price area), for pricing many pairs. */
export interface PricedEnd {
  readonly region: CatalogRegion | undefined;
  readonly area: PriceArea;
}

/** Resolves a transfer end: its catalogue entry, and its area from the table or, for a custom region, its position. */
export function pricedEnd(end: TransferEnd): PricedEnd {
  const region = end.catalog !== undefined ? findCatalogRegion(end.catalog) : undefined;
  const area = (region !== undefined ? CATALOGUE_PRICE_AREAS[region.id] : undefined) ?? priceAreaAt(end.lat, end.lon);
  return { region, area };
}

function byArea(prices: Readonly<Record<PriceArea, AreaPrices>>, from: PriceArea, to: PriceArea): number {
  return from === to ? prices[from].withinAreaUsdPerGb : prices[from].toOtherAreasUsdPerGb;
}

/** GCP's surcharge applies to or from Oceania and Jakarta. */
const gcpFar = (end: PricedEnd): boolean => end.area === 'oceania' || (end.region !== undefined && GCP_FAR_REGIONS.has(end.region.id));

/** transferUsdPerGb for ends already resolved (computeCost prices every pair of a world each window). */
export function pricedTransferUsdPerGb(from: PricedEnd, to: PricedEnd): number {
  const sender = from.region;
  if (sender === undefined) return CUSTOM_AREA_USD_PER_GB[from.area];
  switch (sender.provider) {
    case 'aws': {
      const pair = to.region?.provider === 'aws' ? AWS_PAIR_USD_PER_GB[`${sender.code}>${to.region.code}`] : undefined;
      return pair ?? AWS_USD_PER_GB[sender.code] ?? CUSTOM_AREA_USD_PER_GB[from.area];
    }
    case 'azure':
      return byArea(AZURE_AREA_PRICES, from.area, to.area);
    case 'gcp':
      if (from.area === to.area) return GCP_AREA_PRICES[from.area].withinAreaUsdPerGb;
      return gcpFar(from) || gcpFar(to) ? GCP_FAR_USD_PER_GB : GCP_AREA_PRICES[from.area].toOtherAreasUsdPerGb;
    case 'ibm':
      return IBM_USD_PER_GB;
  }
}

/**
 * List price in USD per GB sent from one region to another, by the sender's provider: AWS by the sending region
 * (us-east-1 and us-east-2 to each other $0.01); Azure by the sender's area, within it or to another; GCP the
 * same, with the Oceania and Jakarta surcharge either way; IBM nothing (its private network is not metered). A
 * custom region pays by its area (from its position) what AWS charges there. A receiver of another provider is
 * priced as if it were the sender's own (a simplification: between clouds it would be internet egress).
 */
export function transferUsdPerGb(from: TransferEnd, to: TransferEnd): number {
  return pricedTransferUsdPerGb(pricedEnd(from), pricedEnd(to));
}

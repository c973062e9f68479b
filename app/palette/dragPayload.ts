/**
 * What a palette entry carries while it is dragged onto the map, as JSON in the drag's data. It is read back
 * as untrusted input (another page can drop anything): unknown shapes are refused, and every value still goes
 * through the scenario schema when it is added.
 */
import type { RoutingPolicy } from './routingPolicies.ts';
import { ROUTING_POLICIES } from './routingPolicies.ts';

export const PALETTE_MIME = 'application/x-meridian-palette';

export type PalettePayload =
  /** A catalogue region: dropped anywhere, it lands at its real place. */
  | { readonly kind: 'catalog-region'; readonly catalog: string }
  /** A custom region: lands where it is dropped. */
  | { readonly kind: 'custom-region' }
  /** A city's users: land at the city. */
  | { readonly kind: 'city'; readonly city: CityPayload }
  /** Users anywhere: land where they are dropped. */
  | { readonly kind: 'custom-users' }
  /** The routing layer's policy. */
  | { readonly kind: 'routing'; readonly policy: RoutingPolicy };

export interface CityPayload {
  readonly id: string;
  readonly name: string;
  readonly lat: number;
  readonly lon: number;
  readonly jurisdiction: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isString = (v: unknown, max = 80): v is string => typeof v === 'string' && v.length <= max;
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** The payload in a drop's data, or undefined when it is not one of ours. */
export function readPayload(text: string): PalettePayload | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(value)) return undefined;
  switch (value.kind) {
    case 'catalog-region':
      return isString(value.catalog, 60) ? { kind: 'catalog-region', catalog: value.catalog } : undefined;
    case 'custom-region':
    case 'custom-users':
      return { kind: value.kind };
    case 'routing':
      return ROUTING_POLICIES.some((p) => p.policy === value.policy) ? { kind: 'routing', policy: value.policy as RoutingPolicy } : undefined;
    case 'city': {
      const c = value.city;
      if (!isObject(c) || !isString(c.id, 60) || !isString(c.name) || !isString(c.jurisdiction, 2)) return undefined;
      if (!isFiniteNumber(c.lat) || !isFiniteNumber(c.lon)) return undefined;
      return { kind: 'city', city: { id: c.id, name: c.name, lat: c.lat, lon: c.lon, jurisdiction: c.jurisdiction } };
    }
    default:
      return undefined;
  }
}

export function writePayload(payload: PalettePayload): string {
  return JSON.stringify(payload);
}

import type { Scenario } from '../../engine/index.ts';
import { findCatalogRegion } from '../../engine/index.ts';
import { regionPlace } from '../../engine/index.ts';

/**
 * The region placed at a catalogue entry (its coordinates dropped) or, with `catalog` undefined, made custom
 * where it is now (keeping the entry's city as its name and its jurisdiction).
 */
export function setRegionPlacement(scenario: Scenario, regionId: string, catalog: string | undefined): Scenario {
  return {
    ...scenario,
    regions: scenario.regions.map((region) => {
      if (region.id !== regionId || region.catalog === catalog) return region;
      const { catalog: _catalog, lat: _lat, lon: _lon, ...rest } = region;
      if (catalog !== undefined) {
        const name = region.name?.endsWith(' (moved)') ? undefined : region.name;
        const { name: _name, ...unnamed } = rest;
        return { ...unnamed, ...(name !== undefined ? { name } : {}), catalog };
      }
      const entry = region.catalog !== undefined ? findCatalogRegion(region.catalog) : undefined;
      const place = regionPlace(region);
      const jurisdiction = region.jurisdiction ?? entry?.jurisdiction;
      return { ...rest, name: region.name ?? entry?.city, lat: place.lat, lon: place.lon, ...(jurisdiction ? { jurisdiction } : {}) };
    }),
  };
}

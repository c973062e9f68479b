/**
 * Adding what a palette entry stands for, whether it was dropped on the map, clicked, or chosen with Enter.
 * Catalogue regions and cities go to their real places; custom regions and users to `place` (the drop point,
 * or the coordinates typed in the palette). Every addition goes through the store, which validates it.
 */
import { findCatalogRegion } from '../../engine/index.ts';
import type { LatLon } from '../../engine/index.ts';
import type { AppState } from '../store/index.ts';
import { ROUTING_SELECTION } from '../store/scenarioSlice.ts';
import { setIn } from '../store/scenarioEdits.ts';
import type { PalettePayload } from './dragPayload.ts';
import { routingLabel } from './routingPolicies.ts';
import { loadCities, nearestCity } from './cities.ts';

type Actions = Pick<AppState, 'scenario' | 'regionAdded' | 'userAdded' | 'scenarioEdited' | 'selectionChanged' | 'noticeShown'>;

/** Adds the entry; `jurisdiction` is the dropped point's likely legal area (from the nearest city), if known. */
export function addEntry(state: Actions, payload: PalettePayload, place?: LatLon, jurisdiction?: string): void {
  switch (payload.kind) {
    case 'catalog-region': {
      const entry = findCatalogRegion(payload.catalog);
      if (entry) state.regionAdded({ catalog: entry });
      else state.noticeShown(`There is no catalogue region ${JSON.stringify(payload.catalog.slice(0, 40))}.`);
      return;
    }
    case 'city':
      state.userAdded({ idHint: payload.city.id, name: payload.city.name, lat: payload.city.lat, lon: payload.city.lon, jurisdiction: payload.city.jurisdiction });
      return;
    case 'custom-region':
    case 'custom-users':
      if (!place) {
        state.noticeShown('Drop it on the globe: that point is off the map.');
        return;
      }
      if (payload.kind === 'custom-region') state.regionAdded({ lat: place.lat, lon: place.lon, jurisdiction });
      else state.userAdded({ lat: place.lat, lon: place.lon, jurisdiction, name: 'Users' });
      return;
    case 'routing': {
      const result =
        state.scenario.routing.policy === payload.policy
          ? { ok: true }
          : state.scenarioEdited(setIn(state.scenario, ['routing', 'policy'], payload.policy), `The routing layer cannot be ${routingLabel(payload.policy)}.`);
      if (result.ok) state.selectionChanged([ROUTING_SELECTION]);
      return;
    }
  }
}

/**
 * Adds the entry; a custom point first looks up its nearest big city (the list loads on first use) so it gets
 * that city's jurisdiction, for the data-placement rules.
 */
export function addFromPalette(getState: () => Actions, payload: PalettePayload, place?: LatLon): void {
  if (place && (payload.kind === 'custom-region' || payload.kind === 'custom-users')) {
    loadCities().then(
      (cities) => addEntry(getState(), payload, place, nearestCity(cities, place)?.jurisdiction),
      () => addEntry(getState(), payload, place),
    );
  } else addEntry(getState(), payload, place);
}

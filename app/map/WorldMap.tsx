import { memo, useEffect, useState } from 'react';
import { ViewportPortal } from '@xyflow/react';
import { MAP_HEIGHT, MAP_WIDTH } from './projection.ts';
import { loadWorldShapes, type WorldShapes } from './countries.ts';
import { LazyFlowOverlay } from './overlays/LazyFlowOverlay.tsx';

/** The world map drawn in the canvas's own coordinates, so it pans and zooms with the nodes on it. */
export const WorldMap = memo(function WorldMap() {
  const [shapes, setShapes] = useState<WorldShapes | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    loadWorldShapes().then(
      (loaded) => live && setShapes(loaded),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, []);
  return (
    <>
    <ViewportPortal>
      <svg
        className="world-map"
        width={MAP_WIDTH}
        height={MAP_HEIGHT}
        viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
        role="img"
        aria-label={failed ? 'World map (could not load country outlines)' : 'World map'}
        data-loaded={shapes ? 'true' : 'false'}
      >
        {shapes && (
          <>
            <path className="world-map__sphere" d={shapes.sphere} />
            <path className="world-map__graticule" d={shapes.graticule} />
            {shapes.countries.map((c) => (
              <path key={c.id + c.name} className="world-map__country" d={c.d} data-country={c.id}>
                <title>{c.name}</title>
              </path>
            ))}
          </>
        )}
      </svg>
    </ViewportPortal>
    <LazyFlowOverlay />
    </>
  );
});

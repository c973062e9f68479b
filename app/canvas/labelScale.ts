/**
 * How much larger the map's labels are drawn than the map around them. Labels live in the map's coordinates, so
 * at the zoom that fits the world into a laptop's map pane (0.25-0.45) a 12-px label was 3-5 px on screen; up to
 * this factor they are drawn larger so they stay about 9 px tall, and from zoom 0.75 on they scale with the map.
 */
export const MAX_LABEL_SCALE = 3;
/** On-screen size (as a share of the labels' own 12 px) the labels keep at low zoom. */
const LABEL_SCREEN_SHARE = 0.75;

/** In Present mode the smallest label text (10 px: badges, Fail) is at least this many px on screen. */
export const PRESENT_MIN_LABEL_PX = 18.5;

export function labelScale(zoom: number, present = false): number {
  if (!(zoom > 0) || !Number.isFinite(zoom)) return 1;
  // A room reads the map from across it: no cap, so the smallest text stays at PRESENT_MIN_LABEL_PX.
  if (present) return Math.max(1, PRESENT_MIN_LABEL_PX / 10 / zoom);
  return Math.min(MAX_LABEL_SCALE, Math.max(1, LABEL_SCREEN_SHARE / zoom));
}

/**
 * The one way a duration, an RPO or a lag is written, on screen (charts, tooltips, panels, compare), on the
 * command line and in exports (the incident report): "28 ms", "1.5 s", "2 min". One rule, so a panel never says
 * "RPO 0 s" beside "RPO 0.028 s", and the CLI says what the page says.
 */

/** Milliseconds as people read them: "40 ms", "1.5 s", "85 s", "2 min" (seconds up to two minutes); "n/a" for no value. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return 'n/a';
  const abs = Math.abs(ms);
  if (abs < 1000) return `${Math.round(ms)} ms`;
  if (abs < 120_000) return `${Math.round(ms / 100) / 10} s`;
  return `${Math.round(ms / 6000) / 10} min`;
}

/** A duration given in seconds, written as formatMs writes it. */
export function formatDurationS(seconds: number): string {
  return formatMs(seconds * 1000);
}

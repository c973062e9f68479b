/** The duration formatter is the engine's (engine/format/duration.ts): the page, the CLI and exports share it. */
export { formatDurationS, formatMs } from '../../engine/index.ts';

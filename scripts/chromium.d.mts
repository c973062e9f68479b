export function findChromium(): string | undefined;
export function chromiumProblem(): string | undefined;

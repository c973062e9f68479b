/** Colours for user populations, by their index in the scenario; readable on light and dark backgrounds. */
const POPULATION_COLORS = ['#2f7ed8', '#e4572e', '#17a673', '#b05fd6', '#d99a00', '#00a5b8', '#d6336c', '#6c8a00', '#8d6e63', '#5c6bc0'];

export function populationColor(index: number): string {
  return POPULATION_COLORS[index % POPULATION_COLORS.length] as string;
}

/**
 * A chart on screen as a standalone SVG file or a PNG that can go on a slide or into an incident report as it
 * is: the chart's title and units above it, its legend below, and the scenario's name and the simulated moment
 * at the foot. The chart's SVG is cloned with the computed paint and type styles written onto each element (the
 * page's CSS and theme variables do not travel with the file), then drawn on a canvas for PNG.
 */
const STYLE_PROPS = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'opacity', 'font-family', 'font-size', 'font-weight', 'text-anchor', 'dominant-baseline', 'visibility', 'display'] as const;
const SVG_NS = 'http://www.w3.org/2000/svg';

export interface ChartLegendEntry {
  readonly label: string;
  readonly color: string;
}

export interface ChartCaption {
  readonly title: string;
  /** Units and how to read the marks, e.g. "ms; solid p50, dashed p99". */
  readonly unit: string;
  readonly legend: readonly ChartLegendEntry[];
  /** "Active-passive, US primary · 2:30 simulated · Meridian". */
  readonly footer: string;
}

/** Where the parts of an exported chart go, in px (pure: tested on its own). */
export interface ExportLayout {
  readonly width: number;
  readonly height: number;
  readonly titleY: number;
  /** The units' text in lines that fit the width, each with its baseline. */
  readonly unitLines: readonly { readonly y: number; readonly text: string }[];
  readonly chartY: number;
  readonly legend: readonly { readonly x: number; readonly y: number; readonly entry: ChartLegendEntry }[];
  readonly footerY: number;
}

const PAD = 12;
const LEGEND_FONT_PX = 12;
const LEGEND_ROW_PX = 18;
/** Swatch and gap before a legend label, px. */
const SWATCH_PX = 22;

/** A text's width in px at `fontPx`, about 0.6 em a character in a sans serif. */
const textWidth = (text: string, fontPx: number): number => text.length * fontPx * 0.6;

const UNIT_FONT_PX = 12;

/** Words in lines of at most `maxPx` at `fontPx`. */
function wrap(text: string, maxPx: number, fontPx: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, fontPx) > maxPx) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

export function exportLayout(chartWidth: number, chartHeight: number, legend: readonly ChartLegendEntry[], unit = ''): ExportLayout {
  const width = Math.max(chartWidth, 320);
  const titleY = PAD + 14;
  const unitLines = wrap(unit, width - 2 * PAD, UNIT_FONT_PX).map((text, i) => ({ y: titleY + 18 + i * 16, text }));
  const chartY = (unitLines.at(-1)?.y ?? titleY) + 10;
  let x = PAD;
  let y = chartY + chartHeight + PAD + LEGEND_FONT_PX;
  const placed = legend.map((entry) => {
    const w = SWATCH_PX + textWidth(entry.label, LEGEND_FONT_PX) + 16;
    if (x > PAD && x + w > width - PAD) {
      x = PAD;
      y += LEGEND_ROW_PX;
    }
    const at = { x, y, entry };
    x += w;
    return at;
  });
  const footerY = (legend.length > 0 ? y + LEGEND_ROW_PX : chartY + chartHeight + PAD) + 10;
  return { width, height: footerY + PAD, titleY, unitLines, chartY, legend: placed, footerY };
}

/** The figure's title, units and legend as shown on screen. */
export function captionOf(figure: Element, footer: string): ChartCaption {
  const caption = figure.querySelector('figcaption');
  const unitElement = caption?.querySelector('.chart__unit');
  const unit = (unitElement?.textContent ?? '').trim().replace(/^\((.*)\)$/s, '$1');
  const whole = (caption?.textContent ?? 'chart').trim();
  const title = (unitElement ? whole.replace(unitElement.textContent ?? '', '') : whole).trim() || 'chart';
  const legend = [...figure.querySelectorAll('.chart__legend li')].map((item) => ({ label: (item.textContent ?? '').replace('■', '').trim(), color: swatchColor(item) }));
  return { title, unit, legend, footer };
}

/** A legend entry's colour: its swatch's border, background or text colour, whichever is painted. */
function swatchColor(item: Element): string {
  const swatch = item.querySelector('span');
  if (!swatch) return getComputedStyle(item).color;
  const style = getComputedStyle(swatch);
  const painted = (c: string) => c !== '' && c !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(c);
  if (Number.parseFloat(style.borderTopWidth) > 0 && painted(style.borderTopColor)) return style.borderTopColor;
  if (painted(style.backgroundColor)) return style.backgroundColor;
  return style.color;
}

function text(x: number, y: number, content: string, attributes: Record<string, string>): SVGTextElement {
  const element = document.createElementNS(SVG_NS, 'text');
  element.setAttribute('x', String(x));
  element.setAttribute('y', String(y));
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.textContent = content; // text, never markup: a scenario's name may be anything
  return element;
}

export function standaloneSvg(svg: SVGSVGElement, caption: ChartCaption): { text: string; width: number; height: number } {
  const chart = svg.cloneNode(true) as SVGSVGElement;
  const source = [svg, ...svg.querySelectorAll('*')];
  const target = [chart, ...chart.querySelectorAll('*')];
  source.forEach((element, i) => {
    const style = getComputedStyle(element);
    const out = target[i] as Element;
    out.setAttribute('style', STYLE_PROPS.map((p) => `${p}:${style.getPropertyValue(p)}`).join(';'));
  });
  const box = svg.getBoundingClientRect();
  const chartWidth = Math.max(1, Math.round(box.width));
  const chartHeight = Math.max(1, Math.round(box.height));
  const layout = exportLayout(chartWidth, chartHeight, caption.legend, caption.unit);
  const rootStyle = getComputedStyle(document.documentElement);
  const background = rootStyle.getPropertyValue('--panel').trim() || '#ffffff';
  const fg = rootStyle.getPropertyValue('--fg').trim() || '#1b2430';
  const muted = rootStyle.getPropertyValue('--muted').trim() || '#4d5b6b';
  const font = getComputedStyle(document.body).fontFamily || 'sans-serif';

  const out = document.createElementNS(SVG_NS, 'svg');
  out.setAttribute('xmlns', SVG_NS);
  out.setAttribute('width', String(layout.width));
  out.setAttribute('height', String(layout.height));
  out.setAttribute('viewBox', `0 0 ${layout.width} ${layout.height}`);
  out.setAttribute('font-family', font);
  const title = document.createElementNS(SVG_NS, 'title');
  title.textContent = `${caption.title} (${caption.unit}) · ${caption.footer}`;
  out.append(title);
  const rect = document.createElementNS(SVG_NS, 'rect');
  rect.setAttribute('width', '100%');
  rect.setAttribute('height', '100%');
  rect.setAttribute('fill', background);
  out.append(rect);
  out.append(text(PAD, layout.titleY, caption.title, { 'font-size': '15', 'font-weight': '600', fill: fg, 'data-part': 'title' }));
  for (const line of layout.unitLines) out.append(text(PAD, line.y, line.text, { 'font-size': String(UNIT_FONT_PX), fill: muted, 'data-part': 'unit' }));
  chart.setAttribute('x', '0');
  chart.setAttribute('y', String(layout.chartY));
  chart.setAttribute('width', String(chartWidth));
  chart.setAttribute('height', String(chartHeight));
  out.append(chart);
  for (const { x, y, entry } of layout.legend) {
    const swatch = document.createElementNS(SVG_NS, 'rect');
    swatch.setAttribute('x', String(x));
    swatch.setAttribute('y', String(y - 8));
    swatch.setAttribute('width', '16');
    swatch.setAttribute('height', '6');
    swatch.setAttribute('rx', '2');
    swatch.setAttribute('fill', entry.color);
    out.append(swatch);
    out.append(text(x + SWATCH_PX, y, entry.label, { 'font-size': String(LEGEND_FONT_PX), fill: fg, 'data-part': 'legend' }));
  }
  out.append(text(PAD, layout.footerY, caption.footer, { 'font-size': '11', fill: muted, 'data-part': 'footer' }));
  return { text: new XMLSerializer().serializeToString(out), width: layout.width, height: layout.height };
}

/** The SVG drawn at `scale` times its size, as a PNG blob. */
export async function svgToPng(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width * scale;
    canvas.height = height * scale;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

// Non-photographic images drawn in code (rendered by sharp/librsvg in the tests): text, logos,
// charts, line art, flat UI. Several are black and white on purpose: a gray graphic must be called
// not-photo, never grayscale, or the extension would "colorize" a page's text and diagrams.

export interface SvgGraphic {
  name: string;
  svg: string;
  /** Also pass the rendering through JPEG at this quality (graphics are often served as JPEG). */
  jpegQuality?: number;
}

const svg = (w: number, h: number, body: string, bg = '#ffffff') =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">` +
  (bg === 'none' ? '' : `<rect width="100%" height="100%" fill="${bg}"/>`) +
  body +
  '</svg>';

const LOREM =
  'Colour photographs were rare before the nineteen-thirties, and most family albums hold only ' +
  'prints in shades of gray, brown or blue. The pages that show them today are full of text.';

function paragraph(x: number, y: number, lines: number, size: number, fill: string, font = 'DejaVu Serif'): string {
  const words = LOREM.split(' ');
  let out = '';
  for (let i = 0; i < lines; i++) {
    const text = words.slice((i * 7) % words.length, ((i * 7) % words.length) + 9).join(' ');
    out += `<text x="${x}" y="${y + i * size * 1.4}" font-family="${font}" font-size="${size}" fill="${fill}">${text}</text>`;
  }
  return out;
}

function bars(values: number[], colors: string[], w = 480, h = 320): string {
  const bw = (w - 80) / values.length;
  let body = `<line x1="50" y1="${h - 30}" x2="${w - 10}" y2="${h - 30}" stroke="#333"/><line x1="50" y1="20" x2="50" y2="${h - 30}" stroke="#333"/>`;
  values.forEach((v, i) => {
    const bh = (v / 100) * (h - 60);
    body += `<rect x="${60 + i * bw}" y="${h - 30 - bh}" width="${bw * 0.7}" height="${bh}" fill="${colors[i % colors.length]}"/>`;
    body += `<text x="${60 + i * bw}" y="${h - 12}" font-family="DejaVu Sans" font-size="12" fill="#333">Q${i + 1}</text>`;
  });
  return svg(w, h, body);
}

function lineChart(series: number[][], colors: string[], w = 520, h = 340): string {
  let body = '';
  for (let g = 0; g <= 5; g++) body += `<line x1="40" y1="${20 + g * 56}" x2="${w - 10}" y2="${20 + g * 56}" stroke="#dddddd"/>`;
  series.forEach((s, k) => {
    const pts = s.map((v, i) => `${40 + (i * (w - 50)) / (s.length - 1)},${h - 40 - v * 2.6}`).join(' ');
    body += `<polyline points="${pts}" fill="none" stroke="${colors[k]}" stroke-width="2"/>`;
  });
  return svg(w, h, body);
}

function pie(slices: number[], colors: string[]): string {
  let body = '';
  let angle = -Math.PI / 2;
  const total = slices.reduce((a, b) => a + b, 0);
  slices.forEach((s, i) => {
    const next = angle + (2 * Math.PI * s) / total;
    const large = next - angle > Math.PI ? 1 : 0;
    const p = (t: number) => `${200 + 150 * Math.cos(t)},${200 + 150 * Math.sin(t)}`;
    body += `<path d="M200,200 L${p(angle)} A150,150 0 ${large} 1 ${p(next)} Z" fill="${colors[i]}" stroke="#fff" stroke-width="2"/>`;
    angle = next;
  });
  return svg(400, 400, body);
}

/** A house, a tree and a sun in 1-px strokes (stroke-width 1, crisp edges) */
const LINE_ART_BODY =
  '<g fill="none" stroke="#000" stroke-width="1" shape-rendering="crispEdges">' +
  '<rect x="12.5" y="30.5" width="24" height="20"/><path d="M10.5,30.5 L24.5,16.5 L38.5,30.5"/>' +
  '<rect x="21.5" y="40.5" width="6" height="10"/><circle cx="52" cy="12" r="6"/>' +
  '<path d="M50.5,50.5 L50.5,36.5 M44.5,38.5 L50.5,30.5 L56.5,38.5 M2.5,50.5 L61.5,50.5"/></g>';

function uiMock(accent: string, gray: boolean): string {
  const panel = gray ? '#f2f2f2' : '#eef3fb';
  return svg(
    640,
    400,
    `<rect width="640" height="48" fill="${accent}"/>` +
      `<text x="20" y="31" font-family="DejaVu Sans" font-size="18" fill="#fff">Dashboard</text>` +
      `<rect x="20" y="70" width="180" height="310" fill="${panel}" rx="6"/>` +
      [0, 1, 2, 3, 4].map((i) => `<rect x="36" y="${90 + i * 40}" width="140" height="22" rx="4" fill="#ffffff"/>`).join('') +
      `<rect x="220" y="70" width="400" height="140" rx="6" fill="${panel}"/>` +
      paragraph(236, 100, 5, 13, '#444', 'DejaVu Sans') +
      `<rect x="220" y="230" width="120" height="36" rx="6" fill="${accent}"/>` +
      `<text x="245" y="254" font-family="DejaVu Sans" font-size="15" fill="#fff">Save</text>` +
      `<rect x="356" y="230" width="120" height="36" rx="6" fill="#fff" stroke="${accent}"/>`,
  );
}

export const SVG_GRAPHICS: SvgGraphic[] = [
  { name: 'text black on white', svg: svg(600, 400, paragraph(20, 40, 14, 18, '#111')) },
  { name: 'text black on white jpeg q60', svg: svg(600, 400, paragraph(20, 40, 14, 18, '#111')), jpegQuality: 60 },
  { name: 'text white on navy', svg: svg(600, 300, paragraph(20, 40, 10, 18, '#fff', 'DejaVu Sans'), '#1f2a5a') },
  { name: 'text gray on beige', svg: svg(500, 300, paragraph(16, 36, 10, 16, '#555'), '#f4ecd8') },
  { name: 'headline big letters', svg: svg(600, 200, '<text x="20" y="140" font-family="DejaVu Sans" font-weight="bold" font-size="120" fill="#c0392b">NEWS</text>') },
  { name: 'logo two-colour circle', svg: svg(300, 300, '<circle cx="150" cy="150" r="110" fill="#0a66c2"/><text x="95" y="185" font-family="DejaVu Sans" font-weight="bold" font-size="100" fill="#fff">in</text>') },
  { name: 'logo black and white', svg: svg(400, 200, '<rect x="20" y="40" width="120" height="120" fill="#000"/><circle cx="80" cy="100" r="35" fill="#fff"/><text x="160" y="120" font-family="DejaVu Sans" font-size="48" fill="#000">ACME</text>') },
  { name: 'logo on transparent', svg: svg(256, 256, '<path d="M128,20 L236,236 L20,236 Z" fill="#e67e22"/><circle cx="128" cy="160" r="40" fill="#2c3e50"/>', 'none') },
  { name: 'icon gray on transparent', svg: svg(128, 128, '<rect x="24" y="16" width="80" height="96" rx="8" fill="#888"/><rect x="36" y="36" width="56" height="6" fill="#fff"/><rect x="36" y="52" width="56" height="6" fill="#fff"/><rect x="36" y="68" width="40" height="6" fill="#fff"/>', 'none') },
  { name: 'bar chart colour', svg: bars([40, 75, 55, 90, 30, 65], ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948']) },
  { name: 'bar chart gray', svg: bars([40, 75, 55, 90, 30, 65], ['#444', '#777', '#aaa']) },
  { name: 'bar chart gray jpeg q50', svg: bars([20, 45, 85, 60], ['#555', '#999']), jpegQuality: 50 },
  { name: 'line chart colour', svg: lineChart([[10, 30, 25, 60, 80, 70, 95], [50, 45, 40, 42, 30, 20, 15]], ['#d62728', '#1f77b4']) },
  { name: 'line chart black', svg: lineChart([[10, 30, 25, 60, 80, 70, 95], [50, 45, 40, 42, 30, 20, 15]], ['#000', '#666']) },
  { name: 'pie chart', svg: pie([30, 25, 20, 15, 10], ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f']) },
  { name: 'pie chart sepia tones', svg: pie([30, 25, 20, 15, 10], ['#5b3a1e', '#8a6240', '#b08a62', '#d2b48c', '#ecdcc0']) },
  { name: 'line drawing 1px at 64px', svg: svg(64, 56, LINE_ART_BODY) },
  { name: 'line drawing 1px at 512px', svg: svg(512, 448, `<g transform="scale(8)">${LINE_ART_BODY.replace('stroke-width="1"', 'stroke-width="0.125"')}</g>`) },
  { name: 'flat UI colour', svg: uiMock('#2d6cdf', false) },
  { name: 'flat UI gray wireframe', svg: uiMock('#666666', true) },
  { name: 'flat UI jpeg q70', svg: uiMock('#16a085', false), jpegQuality: 70 },
  { name: 'diagram boxes and arrows', svg: svg(500, 260, '<defs><marker id="m" markerWidth="8" markerHeight="8" refX="8" refY="4" orient="auto"><path d="M0,0 L8,4 L0,8 Z"/></marker></defs>' + [0, 1, 2].map((i) => `<rect x="${20 + i * 170}" y="100" width="120" height="60" fill="#fff" stroke="#000" stroke-width="2"/><text x="${40 + i * 170}" y="136" font-family="DejaVu Sans" font-size="16">Step ${i + 1}</text>`).join('') + '<path d="M140,130 L188,130 M310,130 L358,130" stroke="#000" stroke-width="2" marker-end="url(#m)"/>') },
  { name: 'checkerboard pattern', svg: svg(256, 256, Array.from({ length: 64 }, (_, k) => ((k + Math.floor(k / 8)) % 2 ? `<rect x="${(k % 8) * 32}" y="${Math.floor(k / 8) * 32}" width="32" height="32" fill="#000"/>` : '')).join('')) },
  { name: 'button with gradient', svg: svg(300, 100, '<defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#6fb1fc"/><stop offset="1" stop-color="#0052d4"/></linearGradient></defs><rect x="10" y="10" width="280" height="80" rx="14" fill="url(#g)"/><text x="95" y="62" font-family="DejaVu Sans" font-size="28" fill="#fff">Sign up</text>', '#ffffff') },
];

/**
 * The PNG download of a trends chart, drawn in the browser: the chart's
 * standalone SVG (the SVG download) is loaded into an image from a data: URL
 * (the CSP allows images from 'self' and data:), drawn on a canvas at twice
 * its size, and offered as a PNG file. Without JavaScript the link stays hidden;
 * the CSV and SVG links are static files.
 */

/** How much larger than the SVG's own size the PNG is drawn (sharp on high-density screens and in print). */
const PNG_SCALE = 2;

/** A PNG of a standalone SVG (one with width and height). */
export async function svgToPng(svg: string): Promise<Blob> {
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(image.naturalWidth * PNG_SCALE);
  canvas.height = Math.round(image.naturalHeight * PNG_SCALE);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas');
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG not drawn'))), 'image/png'));
}

/**
 * Offers the PNG of a chart through the figure's PNG link, named `name`.png:
 * the link shows at once, and the PNG is drawn on its first click (nothing is
 * fetched or drawn for a reader who does not ask), then that click downloads it.
 */
export function offerPng(figure: HTMLElement, svg: () => Promise<string>, name: string): void {
  const link = figure.querySelector<HTMLAnchorElement>('a.download-png');
  if (!link) return;
  link.href = `#${figure.id}`;
  link.download = `${name}.png`;
  link.hidden = false;
  let drawing: Promise<void> | null = null;
  link.addEventListener('click', (e) => {
    if (link.protocol === 'blob:') return;
    e.preventDefault();
    drawing ??= svg()
      .then(svgToPng)
      .then((png) => {
        link.href = URL.createObjectURL(png);
        link.click();
      })
      .catch(() => {
        link.hidden = true; // the CSV and SVG links still work
      });
  });
}

/** Adds the PNG link to every trends chart on the page built with its files (the SVG is fetched from its static link when the PNG is asked for). */
export function enhanceTrendFigures(): void {
  for (const figure of document.querySelectorAll<HTMLElement>('figure.trends')) {
    const svgLink = figure.querySelector<HTMLAnchorElement>('a.download-svg');
    if (!svgLink || svgLink.protocol === 'blob:') continue;
    const name = svgLink.download.replace(/\.svg$/u, '');
    offerPng(figure, () => fetch(svgLink.href).then((r) => (r.ok ? r.text() : Promise.reject(new Error(`${r.status}`)))), name);
  }
}

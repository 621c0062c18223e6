import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const ICON_DIR = fileURLToPath(new URL('../../../web/static/app/', import.meta.url));

/** The app's icons: a hand-written SVG, and the PNG sizes an install needs, rendered from it once. */
export const APP_ICONS = {
  'icon.svg': { source: 'icon.svg', size: null },
  'icon-192.png': { source: 'icon.svg', size: 192 },
  'icon-512.png': { source: 'icon.svg', size: 512 },
  'maskable-512.png': { source: 'icon-maskable.svg', size: 512 },
  'badge-96.png': { source: 'icon.svg', size: 96 },
} as const;

export type AppIconName = keyof typeof APP_ICONS;

export function createIconRenderer() {
  const rendered = new Map<AppIconName, Promise<Buffer>>();
  return (name: AppIconName): Promise<Buffer> => {
    let icon = rendered.get(name);
    if (icon === undefined) {
      const { source, size } = APP_ICONS[name];
      icon = readFile(ICON_DIR + source).then((svg) =>
        size === null ? svg : sharp(svg, { density: 300 }).resize(size, size).png().toBuffer(),
      );
      rendered.set(name, icon);
    }
    return icon;
  };
}

import type { Catalogue } from '../../../domain/messages/catalogue.js';

/** The web app manifest: what makes the app installable, with its name, colours and icons. */
export function burgernetAppManifest(catalogue: Catalogue) {
  return {
    id: '/app/',
    name: catalogue.app.name,
    short_name: catalogue.app.name,
    description: catalogue.app.description,
    lang: 'nl',
    dir: 'ltr',
    start_url: '/app/',
    scope: '/app/',
    display: 'standalone',
    orientation: 'portrait',
    background_color: '#ffffff',
    theme_color: '#154273',
    categories: ['news', 'utilities'],
    icons: [
      { src: '/app/icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
      { src: '/app/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/app/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/app/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
}

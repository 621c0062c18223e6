/** The portal's CSRF token, from the page's <meta name="csrf-token">; sent as x-csrf-token with cookie-authenticated calls. */
export function csrfToken(): string {
  return document.querySelector('meta[name="csrf-token"]')?.getAttribute('content') ?? '';
}

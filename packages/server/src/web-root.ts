import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The built web app (`npm run build`), served at `/`; null when it has not been built. */
export function webRoot(): string | null {
  const dist = fileURLToPath(new URL('../../web/dist/', import.meta.url));
  return existsSync(`${dist}index.html`) ? dist : null;
}

/** The app's own pages (React Router): any GET outside the API that is not a file gets the app's index.html. */
export function isAppPage(method: string, url: string): boolean {
  return (method === 'GET' || method === 'HEAD') && !url.startsWith('/api/') && !/\.[a-z0-9]+(\?|$)/i.test(url);
}

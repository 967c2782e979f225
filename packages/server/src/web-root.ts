import { fileURLToPath } from 'node:url';

/** The folder the web app is served from (packages/web/public until the React app of the web-app issue lands). */
export function webRoot(): string {
  return fileURLToPath(new URL('../../web/public/', import.meta.url));
}

import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The Utrecht React bundle is one file that sets `Component.displayName = '…'` after each component. Those property
 * writes count as side effects, so the bundler keeps all hundred components (about 190 KB) where we use twenty. The
 * names only serve React's developer tools, so the production build drops them and tree-shaking does the rest.
 */
function utrechtTreeShaking(): Plugin {
  return {
    name: 'gezinsplan:utrecht-tree-shaking',
    apply: 'build',
    transform: {
      filter: { id: /[\\/]@utrecht[\\/]component-library-react[\\/]dist[\\/]index\.mjs$/ },
      // Each assignment is a line of its own; emptying the line keeps every other position, so the source map holds.
      handler: (code) => ({ code: code.replace(/^\w+\.displayName = '\w+';$/gm, ''), map: null }),
    },
  };
}

/** The web app, built to dist/ and served by the API server at `/`; `vite` alone proxies the API for development. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react(), utrechtTreeShaking()],
  build: {
    outDir: 'dist', emptyOutDir: true, sourcemap: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // What the first screen needs, in one file rather than a dozen small ones fetched side by side.
            { name: 'app', tags: ['$initial'], priority: 3 },
            // zod, which every form's schemas need, in one file loaded with the first form; each page gets only the
            // domain package's schema modules it uses, since building zod schemas is work on the main thread.
            { name: 'zod', test: /[\\/]node_modules[\\/]zod[\\/]/, priority: 2 },
            // The family overview with its parts and the shared form components: one file, not ten, since over
            // HTTP/1.1 a browser fetches six at a time and each further round costs a round trip.
            { name: 'family', test: /[\\/]packages[\\/]web[\\/]src[\\/](pages[\\/](FamilyPage\.tsx|family[\\/])|components[\\/]|format\.ts)/, priority: 1 },
          ],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});

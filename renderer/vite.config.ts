// Builds the renderer into a static bundle that Electron loads from file://.
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is a static bundle loaded from file:// by Electron (and served to Chromium by the test
// harness), so assets use relative paths.
export default defineConfig({
  root: path.resolve(__dirname),
  base: './',
  plugins: [react()],
  // `@shared/…` is the one way renderer code names shared/ (also in tsconfig.json and vitest.config.ts).
  resolve: { alias: { '@shared': path.resolve(__dirname, '../shared') } },
  build: {
    outDir: path.resolve(__dirname, '../dist/renderer'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    sourcemap: true,
  },
});

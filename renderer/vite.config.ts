import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  build: {
    outDir: path.join(here, '..', 'dist', 'renderer'),
    emptyOutDir: true,
    // No inline scripts or styles: the hosts serve a CSP without 'unsafe-inline'.
    assetsInlineLimit: 0,
    sourcemap: false,
    // One bundle loaded from the local disk or 127.0.0.1: size matters little, round trips none.
    chunkSizeWarningLimit: 2000,
  },
  server: { host: '127.0.0.1', fs: { allow: [path.join(here, '..')] } },
});

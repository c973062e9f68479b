import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  server: { port: 5173, host: '127.0.0.1' },
  preview: { port: 4173, host: '127.0.0.1', strictPort: true },
  worker: { format: 'es' },
  // The main chunk's budget is checked by gzip size in the UI benchmark, not by Rollup's raw-size warning.
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 1000 },
});

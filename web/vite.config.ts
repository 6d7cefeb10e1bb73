import { defineConfig } from 'vite';

/**
 * React and the router change rarely, so they get a stable chunk of their own. antd is left to the
 * automatic splitting: a component only one page uses (Table, Steps) then loads with that page.
 */
const vendorChunk = (id: string): string | null => (/node_modules\/(react|react-dom|scheduler|react-router)\//.test(id) ? 'react' : null);

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic' } },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: { manualChunks: vendorChunk },
      // antd marks its files "use client" for React Server Components; meaningless in a SPA bundle.
      onwarn: (warning, warn) => {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});

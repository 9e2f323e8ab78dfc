import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const backend = process.env.AFTERSALES_API ?? 'http://localhost:3000';

// Vendor code changes far less often than the app: keep it in a few long-lived chunks so
// browsers keep antd cached across app releases.
// The part of antd the first screen needs is one chunk; the components only later pages use
// (tables, date pickers, ...) are another, fetched with the first of those pages.
const antd =
  /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|@emotion|stylis|@babel[\\/]runtime|classnames|throttle-debounce|scroll-into-view-if-needed|compute-scroll-into-view|copy-to-clipboard|toggle-selection|json2mq|resize-observer-polyfill|string-convert|is-mobile|dayjs)[\\/]/;
const vendorGroups = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|cookie|set-cookie-parser)[\\/]/, priority: 40 },
  { name: 'antd', test: antd, tags: ['$initial' as const], priority: 35 },
  { name: 'antd-more', test: antd, priority: 30 },
  // Charts (defect report), the signature pad and the map load with the screens that use them, not with the first page.
  { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 20 },
  { name: 'signature', test: /node_modules[\\/]signature_pad[\\/]/, priority: 20 },
  // The dispatch board's map (Leaflet) likewise loads with the map.
  { name: 'leaflet', test: /node_modules[\\/]leaflet[\\/]/, priority: 20 },
  { name: 'vendor', test: /node_modules[\\/]/, priority: 10 },
];

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: vendorGroups },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/healthz': { target: backend },
      '/readyz': { target: backend },
    },
  },
  preview: {
    proxy: {
      '/api': { target: backend },
      '/healthz': { target: backend },
    },
  },
});

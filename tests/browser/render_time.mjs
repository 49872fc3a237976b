// Time to first rendered frame of standalone Plotly HTML files in headless Debian Chromium
// (software WebGL: started with --disable-gpu, like the browser test). Each file must set
// window.__t_plot in its Plotly post_script (bench/bench_render.py writes such files).
//
//   node render_time.mjs <repeats> <file.html>...
//
// Prints one JSON line: {file: {t0_ms: [...], plot_ms: [...], frame_ms: [...], canvases: n}}, where t0_ms is
// window.__t0 if the page sets it (after plotly.js is parsed), plot_ms is performance.now() when Plotly.newPlot resolved and frame_ms two animation frames later
// (both from the start of navigation, so they include parsing plotly.js and the figure JSON).
import { chromium } from 'playwright-core';
import { pathToFileURL } from 'node:url';

const [repeats, ...files] = process.argv.slice(2);
if (!repeats || !files.length) { console.error('usage: node render_time.mjs <repeats> <file.html>...'); process.exit(2); }
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
         '--no-first-run', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
const out = {};
try {
  for (const f of files) {
    const r = { t0_ms: [], plot_ms: [], frame_ms: [], canvases: 0, errors: [] };
    for (let i = 0; i < Number(repeats); i++) {
      const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
      page.on('pageerror', (e) => r.errors.push(String(e).slice(0, 200)));
      await page.goto(pathToFileURL(f).href, { waitUntil: 'load', timeout: 120000 });
      await page.waitForFunction(() => window.__t_frame !== undefined, null, { timeout: 120000, polling: 20 });
      const t = await page.evaluate(() => ({ t0: window.__t0 ?? 0,
                                           plot: window.__t_plot, frame: window.__t_frame,
                                           canvases: document.querySelectorAll('.gl-container canvas, canvas').length }));
      r.t0_ms.push(t.t0); r.plot_ms.push(t.plot); r.frame_ms.push(t.frame); r.canvases = t.canvases;
      await page.close();
    }
    out[f] = r;
  }
} finally { await browser.close(); }
console.log(JSON.stringify(out));

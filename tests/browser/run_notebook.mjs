// Open a notebook in a running JupyterLab with headless Debian Chromium, run all cells, check that
// the Plotly figure and the ipywidgets panel rendered, press the panel's button in the page, look
// for HTML source shown as text in any output, hover a point of the UMAP explorer and capture its
// image box before and after, and take screenshots. Prints one JSON line with what it found; exits 1
// on failure.
//
//   node run_notebook.mjs <lab url with token, opening the notebook> <output folder>
//   env UMAP_CELL: index of the code cell that shows the UMAP explorer (default: the one before the last)
//
// JupyterLab must run with --LabApp.expose_app_in_browser=True (window.jupyterapp).
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

const [url, outDir] = process.argv.slice(2);
if (!url || !outDir) { console.error('usage: node run_notebook.mjs <url> <outdir>'); process.exit(2); }
mkdirSync(outDir, { recursive: true });
const T = (s) => s * 1000;
const result = { steps: [], console_errors: [] };
const step = (s) => { result.steps.push(s); console.error(`[browser] ${s}`); };

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
         '--no-first-run', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
let ok = false;
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1800 } });
  page.on('console', (m) => { if (m.type() === 'error') result.console_errors.push(m.text().slice(0, 300)); });
  page.on('pageerror', (e) => result.console_errors.push(`pageerror: ${String(e).slice(0, 300)}`));

  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: T(120) });
  await page.waitForFunction(() => window.jupyterapp && document.querySelector('.jp-Notebook'), null, { timeout: T(180) });
  step('notebook open');
  // kernel started and idle
  await page.waitForFunction(() => {
    const w = window.jupyterapp.shell.currentWidget;
    const k = w && w.sessionContext && w.sessionContext.session && w.sessionContext.session.kernel;
    return k && k.status === 'idle';
  }, null, { timeout: T(240), polling: 500 });
  step('kernel idle');
  await page.evaluate(() => window.jupyterapp.commands.execute('notebook:run-all-cells'));
  step('run all cells');
  // the last cell prints a marker; cell sources never contain it literally
  await page.locator('.jp-OutputArea-output', { hasText: 'MICROLAD-DONE' }).first().waitFor({ timeout: T(420) });
  step('all cells ran');
  const errs = await page.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]').allInnerTexts();
  result.cell_errors = errs.filter((t) => /Error|Traceback/.test(t)).map((t) => t.slice(0, 500));

  // the static Plotly figure (mime renderer): three heatmaps drawn by plotly.js
  const plot = page.locator('.jp-OutputArea-output .js-plotly-plot').first();
  await plot.waitFor({ timeout: T(60) });
  await plot.scrollIntoViewIfNeeded();
  result.plotly_plots = await page.locator('.js-plotly-plot').count();
  result.heatmap_layers = await page.locator('.jp-CodeCell').nth(1).locator('.hm').count();
  result.slider_count = await page.locator('.jp-CodeCell').nth(1).locator('.slider-group').count();
  await page.screenshot({ path: `${outDir}/figure.png` });
  step('plotly figure rendered');

  // the ipywidgets panel: its button, fields and FigureWidgets
  const panelCell = page.locator('.jp-CodeCell').nth(2);      // the test's own panel (the demo cells have others)
  const button = panelCell.locator('.jupyter-widgets button', { hasText: 'Reconstruct' }).first();
  await button.waitFor({ timeout: T(60) });
  result.widget_count = await page.locator('.jupyter-widgets').count();
  result.int_fields = await page.locator('.widget-inline-hbox input[type="number"]').count();
  await button.scrollIntoViewIfNeeded();
  step('widgets rendered');
  // press it in the page: the kernel reconstructs, the status line turns green, the figures update
  await button.click();
  const okStatus = panelCell.locator('.microlad-ok', { hasText: 'phase fractions' }).first();
  await okStatus.waitFor({ timeout: T(300) });
  result.status_text = await okStatus.innerText();
  await page.waitForFunction(() => document.querySelectorAll('.jupyter-widgets .js-plotly-plot').length >= 2, null, { timeout: T(60) });
  result.widget_plots = await page.locator('.jupyter-widgets .js-plotly-plot').count();
  // the isosurface FigureWidget draws into a WebGL canvas (a 3D scene), the progress bar reached its end
  await page.waitForFunction(() => document.querySelectorAll('.jupyter-widgets .gl-container canvas').length >= 1, null, { timeout: T(60) });
  result.gl_canvases = await page.locator('.jupyter-widgets .gl-container canvas').count();
  result.progress_bars = await page.locator('.jupyter-widgets .progress-bar, .jupyter-widgets .widget-progress').count();
  await okStatus.scrollIntoViewIfNeeded();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `${outDir}/panel.png` });
  step('button pressed, panel updated');

  // no output may show HTML source as text (a printed status line did: `<span class="microlad-ok" …>`);
  // textContent, not innerText: it does not depend on the output being laid out on screen
  const texts = await page.locator('.jp-OutputArea-output').evaluateAll((els) => els.map((e) => e.textContent || ''));
  result.outputs_checked = texts.length;
  result.raw_html = texts.filter((t) => /<\/?(span|div|b|i|br|table|tr|td)\b[^>]*>/i.test(t)).map((t) => t.slice(0, 300));
  step('outputs checked for raw HTML');

  // the UMAP explorer: its image box before the first hover, then after the mouse hovers a point
  const cells = page.locator('.jp-CodeCell');
  const exCell = cells.nth(process.env.UMAP_CELL ? Number(process.env.UMAP_CELL) : (await cells.count()) - 2);
  const img = exCell.locator('img.widget-image').first();
  await img.waitFor({ timeout: T(60) });
  await img.scrollIntoViewIfNeeded();
  await page.waitForTimeout(500);
  await img.screenshot({ path: `${outDir}/umap_before.png` });
  const srcBefore = await img.getAttribute('src');
  const points = exCell.locator('.scatterlayer path.point');
  result.umap_points = await points.count();
  let changed = false;
  for (let k = 0; k < 5 && !changed; k++) {            // plotly finds the nearest point under the mouse
    const box = await points.nth(Math.floor((k + 1) * result.umap_points / 7)).boundingBox();
    await page.mouse.move(5, 5);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
    for (let i = 0; i < 40 && !changed; i++) {
      await page.waitForTimeout(250);
      changed = (await img.getAttribute('src')) !== srcBefore;
    }
  }
  if (!changed) throw new Error('hovering the UMAP points did not change the image box');
  await page.waitForTimeout(500);
  await img.screenshot({ path: `${outDir}/umap_after.png` });
  result.umap_caption = (await exCell.locator('.widget-html').first().innerText()).trim();
  await exCell.screenshot({ path: `${outDir}/umap.png` });
  const sdsCell = cells.nth(process.env.UMAP_CELL ? Number(process.env.UMAP_CELL) - 1 : (await cells.count()) - 3);
  await sdsCell.scrollIntoViewIfNeeded();
  await sdsCell.screenshot({ path: `${outDir}/sds.png` });
  step('UMAP point hovered, image box drawn');
  ok = true;
} catch (e) {
  result.error = String(e).slice(0, 2000);
  try { const p = browser.contexts()[0]?.pages()[0]; if (p) await p.screenshot({ path: `${outDir}/failure.png` }); } catch {}
} finally {
  await browser.close();
}
result.ok = ok;
console.log(JSON.stringify(result));
process.exit(ok ? 0 : 1);

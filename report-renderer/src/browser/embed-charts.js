// Runs in the browser inside report.html (a classic script, not a module: the page has no server).
// Draws every <figure class="chart"> from the inlined specs with vega-embed and records the outcome on
// the figure, so a failure is visible on the page and in the console instead of an empty box.
(() => {
  'use strict';
  const specs = JSON.parse(document.getElementById('bench-chart-specs').textContent);
  // Only actions that work offline: exporting the chart. "View source" and "Open in editor" need the web.
  const options = { renderer: 'svg', actions: { export: true, source: false, compiled: false, editor: false } };

  async function draw(figure) {
    const id = figure.dataset.chartId;
    const target = figure.querySelector('.chart-view');
    try {
      await vegaEmbed(target, specs[id], options);
      figure.dataset.state = 'rendered';
    } catch (error) {
      figure.dataset.state = 'failed';
      target.textContent = `Chart "${id}" could not be drawn: ${error.message}`;
      console.error(`chart "${id}" could not be drawn`, error);
    }
  }

  const figures = Array.from(document.querySelectorAll('figure.chart'));
  Promise.all(figures.map(draw)).then(() => {
    document.documentElement.dataset.charts = 'done';
  });
})();

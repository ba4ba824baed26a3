/**
 * The script that draws the charts when the page opens: each `[data-chart]` container gets its inlined spec
 * rendered to SVG by vega-embed. A chart that fails says so in place and logs the error to the console, and
 * `body[data-charts]` turns to `ready` when all are done (the browser test waits for it).
 */
export const BOOTSTRAP = `
(async function () {
  var config = JSON.parse(document.getElementById('chart-config').textContent);
  var nodes = document.querySelectorAll('[data-chart]');
  for (var i = 0; i < nodes.length; i++) {
    var el = nodes[i];
    try {
      var spec = JSON.parse(document.getElementById('spec-' + el.dataset.chart).textContent);
      await vegaEmbed(el, spec, { actions: false, renderer: 'svg', config: config });
      el.dataset.rendered = 'true';
    } catch (error) {
      el.dataset.rendered = 'error';
      el.textContent = 'This chart could not be drawn: ' + (error && error.message ? error.message : error);
      console.error(error);
    }
  }
  document.body.dataset.charts = 'ready';
})();
`;

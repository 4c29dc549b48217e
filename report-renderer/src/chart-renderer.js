import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as vega from 'vega';
import * as vegaLite from 'vega-lite';
import { chartKinds } from './kinds/index.js';
import { colourContext } from './spec-common.js';

const run = promisify(execFile);

/** PNG width in pixels; rsvg-convert keeps the aspect ratio. */
export const PNG_WIDTH = 1200;

/**
 * Builds the Vega-Lite spec of every chart (data inlined, so each spec stands alone in report.html).
 * @param {import('./chart-input.js').ChartsInput} input validated charts.json
 * @returns {{ chart: import('./chart-input.js').ChartDefinition, spec: object }[]}
 */
export function buildSpecs(input) {
  const context = { machine: input.machine, ...colourContext(input.backends) };
  return input.charts.map((chart) => ({ chart, spec: chartKinds.get(chart.kind).build(chart, context) }));
}

/**
 * Compiles a Vega-Lite spec and renders it headless to SVG. Without the optional `canvas` package Vega
 * estimates text widths arithmetically, which is what makes the output byte-for-byte repeatable.
 * @param {object} spec Vega-Lite spec
 * @returns {Promise<{ svg: string, warnings: string[] }>}
 */
export async function renderSvg(spec) {
  const warnings = [];
  const logger = collectingLogger(warnings);
  // Vega tags the data rows it ingests; compiling a copy keeps the caller's spec clean for vl.json.
  const { spec: compiled } = vegaLite.compile(structuredClone(spec), { logger });
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logger });
  try {
    return { svg: await view.toSVG(), warnings };
  } finally {
    view.finalize();
  }
}

/**
 * Writes DIR/<id>.vl.json, DIR/<id>.svg and DIR/<id>.png for one chart.
 * @returns {Promise<string[]>} warnings from Vega-Lite and Vega
 */
export async function writeChart(outDir, id, spec) {
  const { svg, warnings } = await renderSvg(spec);
  const svgPath = join(outDir, `${id}.svg`);
  await writeFile(join(outDir, `${id}.vl.json`), `${JSON.stringify(spec, null, 2)}\n`);
  await writeFile(svgPath, svg);
  await convertToPng(svgPath, join(outDir, `${id}.png`));
  return warnings;
}

async function convertToPng(svgPath, pngPath) {
  try {
    await run('rsvg-convert', ['-w', String(PNG_WIDTH), '-f', 'png', '-o', pngPath, svgPath], { timeout: 60_000 });
  } catch (error) {
    if (error.code === 'ENOENT') {
      throw new Error('rsvg-convert was not found: install the Debian package librsvg2-bin', { cause: error });
    }
    throw new Error(`rsvg-convert failed on ${svgPath}: ${error.stderr || error.message}`, { cause: error });
  }
}

// Vega-Lite and Vega both accept a logger with this shape; warnings are returned rather than printed so
// the caller decides where they go and tests can assert that sample charts produce none.
function collectingLogger(warnings) {
  let level = vega.Warn;
  const logger = {
    level(value) {
      if (value === undefined) return level;
      level = value;
      return logger;
    },
    error(...args) {
      throw new Error(args.join(' '));
    },
    warn(...args) {
      warnings.push(args.join(' '));
      return logger;
    },
    info: () => logger,
    debug: () => logger,
  };
  return logger;
}

import { InputError } from './input-error.js';
import { isObject, nonEmptyText } from './json-checks.js';
import { chartKinds } from './kinds/index.js';
import { DEFAULT_SIZE } from './spec-common.js';

/**
 * @typedef {object} ChartDefinition a validated chart from charts.json
 * @property {string} id file name stem of its outputs
 * @property {string} kind
 * @property {string} title subject of the chart (the kind's default when not given)
 * @property {string} workload
 * @property {string} scale e.g. "1k–100k devices"
 * @property {number} width
 * @property {number} height
 * @property {Record<string, unknown>[]} data rows reduced to the kind's fields
 * @property {Record<string, unknown>} options the kind's options
 *
 * @typedef {object} RenderContext what every chart of one charts.json shares
 * @property {string} machine description of the machine, shown in every title
 * @property {string[]} backendOrder backend names in the input's order
 * @property {(name: string) => string} colourOf the fixed colour of a backend
 *
 * @typedef {object} ChartsInput
 * @property {string} machine
 * @property {{ name: string, colour?: string }[]} backends
 * @property {ChartDefinition[]} charts
 */

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const COLOUR_PATTERN = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
const MAX_ROW_PROBLEMS = 5;
const CHART_KEYS = new Set(['id', 'kind', 'title', 'workload', 'scale', 'width', 'height', 'data']);

/**
 * Checks a parsed charts.json whole and reports every problem at once, each naming its chart.
 * @param {unknown} input parsed JSON
 * @returns {ChartsInput}
 * @throws {InputError}
 */
export function parseChartsInput(input) {
  const problems = [];
  if (!isObject(input)) throw new InputError('charts.json', ['the top level must be a JSON object']);
  const machine = requireText(input.machine, '"machine"', (problem) => problems.push(problem));
  const backends = parseBackends(input.backends, problems);
  if (!Array.isArray(input.charts) || input.charts.length === 0) {
    problems.push('"charts" must be a non-empty array');
  }
  const charts = (Array.isArray(input.charts) ? input.charts : []).map((chart, index) =>
    parseChart(chart, index, input, problems),
  );
  duplicateIds(charts).forEach((id) => problems.push(`chart "${id}": the id is used by more than one chart`));
  if (problems.length > 0) throw new InputError('charts.json', problems);
  return { machine, backends, charts };
}

function parseBackends(backends, problems) {
  if (backends === undefined) return [];
  if (!Array.isArray(backends)) {
    problems.push('"backends" must be an array of {"name", "colour"?}');
    return [];
  }
  return backends.flatMap((backend, index) => {
    const where = `backends[${index}]`;
    if (!isObject(backend) || !nonEmptyText(backend.name)) {
      problems.push(`${where}: "name" must be a non-empty string`);
      return [];
    }
    if (backend.colour !== undefined && !COLOUR_PATTERN.test(String(backend.colour))) {
      problems.push(`${where} (${backend.name}): "colour" must be a hex colour such as #117733`);
    }
    return [{ name: backend.name, ...(backend.colour ? { colour: backend.colour } : {}) }];
  });
}

function parseChart(chart, index, input, problems) {
  const label = chartLabel(chart, index);
  const report = (problem) => problems.push(`${label}: ${problem}`);
  if (!isObject(chart)) {
    report('must be a JSON object');
    return { id: `#${index}` };
  }
  if (!nonEmptyText(chart.id) || !ID_PATTERN.test(chart.id)) {
    report('"id" must be letters, digits, ".", "_" or "-" (it names the output files)');
  }
  const kind = chartKinds.get(chart.kind);
  if (!kind) report(`"kind" must be one of ${[...chartKinds.keys()].join(', ')}`);
  const parsed = {
    id: chart.id,
    kind: chart.kind,
    title: chart.title === undefined ? kind?.defaultTitle : requireText(chart.title, '"title"', report),
    workload: requireText(chart.workload ?? input.workload, '"workload" (on the chart or at the top level)', report),
    scale: requireText(chart.scale ?? input.scale, '"scale" (on the chart or at the top level)', report),
    width: pixels(chart.width, DEFAULT_SIZE.width, '"width"', report),
    height: pixels(chart.height, DEFAULT_SIZE.height, '"height"', report),
  };
  if (!kind) return parsed;
  return { ...parsed, options: parseOptions(chart, kind, report), data: parseRows(chart.data, kind, report) };
}

function parseOptions(chart, kind, report) {
  const options = {};
  for (const [name, value] of Object.entries(chart)) {
    if (CHART_KEYS.has(name)) continue;
    const type = kind.options[name];
    if (type === undefined) {
      report(`unknown option "${name}" for kind ${kind.kind}`);
    } else if (Array.isArray(type) ? !type.includes(value) : problemOf(type, value) !== undefined) {
      report(`option "${name}" must be ${Array.isArray(type) ? `one of ${type.join(', ')}` : `a ${type}`}`);
    } else {
      options[name] = value;
    }
  }
  return options;
}

function parseRows(data, kind, report) {
  if (data === undefined) {
    report('"data" is missing');
    return [];
  }
  if (!Array.isArray(data)) {
    report('"data" must be an array of rows');
    return [];
  }
  if (data.length === 0) {
    report('"data" is empty: nothing to plot');
    return [];
  }
  const rowProblems = data.flatMap((row, index) => rowProblemsOf(row, index, kind));
  rowProblems.slice(0, MAX_ROW_PROBLEMS).forEach(report);
  if (rowProblems.length > MAX_ROW_PROBLEMS) report(`… and ${rowProblems.length - MAX_ROW_PROBLEMS} more row problems`);
  // Rows keep only the kind's fields: the spec embeds them, and stray fields would bloat report.html.
  return data.map((row) => pick(row, Object.keys(kind.rowFields)));
}

function rowProblemsOf(row, index, kind) {
  if (!isObject(row)) return [`data[${index}] must be a JSON object`];
  return Object.entries(kind.rowFields).flatMap(([field, type]) => {
    const problem = problemOf(type, row[field]);
    return problem ? [`data[${index}].${field} ${problem}, got ${JSON.stringify(row[field]) ?? 'nothing'}`] : [];
  });
}

/** Why a value does not fit a field type, or undefined when it fits. */
function problemOf(type, value) {
  const optional = type.endsWith('?');
  const base = optional ? type.slice(0, -1) : type;
  if (value === undefined || value === null) return optional ? undefined : `is required (${base})`;
  switch (base) {
    case 'string':
      return nonEmptyText(value) ? undefined : 'must be a non-empty string';
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'must be true or false';
    case 'number':
      return Number.isFinite(value) ? undefined : 'must be a finite number';
    case 'positive':
      return Number.isFinite(value) && value > 0 ? undefined : 'must be a number above 0 (it is plotted on a log axis)';
    case 'quantile':
      return Number.isFinite(value) && value >= 0 && value <= 1 ? undefined : 'must be a quantile from 0 to 1';
    default:
      throw new Error(`unknown field type ${type}`);
  }
}

function pixels(value, fallback, name, report) {
  if (value === undefined) return fallback;
  if (Number.isInteger(value) && value >= 100 && value <= 4000) return value;
  report(`${name} must be a whole number of pixels from 100 to 4000`);
  return fallback;
}

function requireText(value, name, report) {
  if (nonEmptyText(value)) return value;
  report(`${name} must be a non-empty string`);
  return '';
}

function chartLabel(chart, index) {
  const id = isObject(chart) && nonEmptyText(chart.id) ? `"${chart.id}"` : `#${index}`;
  const kind = isObject(chart) && nonEmptyText(chart.kind) ? ` (${chart.kind})` : '';
  return `chart ${id}${kind}`;
}

function duplicateIds(charts) {
  const seen = new Set();
  const duplicates = new Set();
  for (const { id } of charts) (seen.has(id) ? duplicates : seen).add(id);
  return [...duplicates].filter(nonEmptyText);
}

function pick(row, fields) {
  return Object.fromEntries(fields.filter((field) => row[field] !== undefined).map((field) => [field, row[field]]));
}

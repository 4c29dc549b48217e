import { InputError } from './input-error.js';
import { isObject, nonEmptyText } from './json-checks.js';

/**
 * @typedef {object} ReportSection
 * @property {string} heading
 * @property {string} html trusted HTML fragment (e.g. Markdown already converted by the harness)
 * @property {string[]} charts ids of charts shown after the fragment
 *
 * @typedef {object} ReportInput
 * @property {string} title
 * @property {ReportSection[]} sections
 * @property {Record<string, object>} specs Vega-Lite spec per chart id (the <id>.vl.json files)
 */

/**
 * Checks a parsed report.json whole and reports every problem at once.
 * @param {unknown} input parsed JSON
 * @returns {ReportInput}
 * @throws {InputError}
 */
export function parseReportInput(input) {
  if (!isObject(input)) throw new InputError('report.json', ['the top level must be a JSON object']);
  const problems = [];
  if (!nonEmptyText(input.title)) problems.push('"title" must be a non-empty string');
  const specs = isObject(input.specs) ? input.specs : {};
  if (!isObject(input.specs)) problems.push('"specs" must be an object mapping chart id to Vega-Lite spec');
  for (const [id, spec] of Object.entries(specs)) {
    if (!isObject(spec)) problems.push(`specs["${id}"] must be a Vega-Lite spec (a JSON object)`);
  }
  if (!Array.isArray(input.sections) || input.sections.length === 0) {
    problems.push('"sections" must be a non-empty array');
  }
  const sections = (Array.isArray(input.sections) ? input.sections : []).map((section, index) =>
    parseSection(section, index, specs, problems),
  );
  if (problems.length > 0) throw new InputError('report.json', problems);
  return { title: input.title, sections, specs };
}

function parseSection(section, index, specs, problems) {
  const label = `sections[${index}]${isObject(section) && nonEmptyText(section.heading) ? ` ("${section.heading}")` : ''}`;
  if (!isObject(section)) {
    problems.push(`${label} must be a JSON object`);
    return { heading: '', html: '', charts: [] };
  }
  if (!nonEmptyText(section.heading)) problems.push(`${label}: "heading" must be a non-empty string`);
  if (section.html !== undefined && section.markdownHtml !== undefined) {
    problems.push(`${label}: give "html" or "markdownHtml", not both`);
  }
  const html = section.html ?? section.markdownHtml ?? '';
  if (typeof html !== 'string') problems.push(`${label}: "html" / "markdownHtml" must be a string of HTML`);
  const charts = section.charts ?? [];
  if (!Array.isArray(charts)) {
    problems.push(`${label}: "charts" must be an array of chart ids`);
    return { heading: section.heading, html, charts: [] };
  }
  for (const id of charts) {
    if (typeof id !== 'string' || !Object.hasOwn(specs, id)) {
      problems.push(`${label}: chart ${JSON.stringify(id)} has no entry in "specs"`);
    }
  }
  return { heading: section.heading, html, charts };
}

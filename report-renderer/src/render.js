#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { parseChartsInput } from './chart-input.js';
import { buildSpecs, writeChart } from './chart-renderer.js';
import { ExitCode, InputError } from './input-error.js';

const USAGE = 'usage: node src/render.js --in charts.json --out DIR';

/**
 * Renders every chart of a charts.json to DIR/<id>.svg, DIR/<id>.png and DIR/<id>.vl.json.
 * @param {string[]} argv arguments after the script name
 * @returns {Promise<number>} exit code
 */
export async function main(argv) {
  let args;
  try {
    args = parseArgs({ args: argv, strict: true, options: { in: { type: 'string' }, out: { type: 'string' } } }).values;
  } catch (error) {
    return fail(`${error.message}\n${USAGE}`, ExitCode.invalidInput);
  }
  if (!args.in || !args.out) return fail(USAGE, ExitCode.invalidInput);
  let input;
  try {
    input = parseChartsInput(JSON.parse(await readFile(args.in, 'utf8')));
  } catch (error) {
    const invalid = error instanceof InputError || error instanceof SyntaxError || error.code === 'ENOENT';
    return fail(`${args.in}: ${error.message}`, invalid ? ExitCode.invalidInput : ExitCode.runError);
  }
  await mkdir(args.out, { recursive: true });
  for (const { chart, spec } of buildSpecs(input)) {
    try {
      const warnings = await writeChart(args.out, chart.id, spec);
      warnings.forEach((warning) => console.error(`warning: chart "${chart.id}" (${chart.kind}): ${warning}`));
    } catch (error) {
      return fail(`chart "${chart.id}" (${chart.kind}): ${error.message}`, ExitCode.runError);
    }
  }
  console.log(`rendered ${input.charts.length} charts to ${args.out}`);
  return ExitCode.ok;
}

function fail(message, code) {
  console.error(message);
  return code;
}

if (process.argv[1] && realpathSync(process.argv[1]) === import.meta.filename) {
  process.exitCode = await main(process.argv.slice(2));
}

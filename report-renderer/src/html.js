#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { readBrowserBundles } from './browser-bundles.js';
import { buildReportHtml } from './html-page.js';
import { ExitCode, InputError } from './input-error.js';
import { parseReportInput } from './report-input.js';

const USAGE = 'usage: node src/html.js --in report.json --out report.html';

/**
 * Writes the self-contained report.html described by a report.json.
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
  let report;
  try {
    report = parseReportInput(JSON.parse(await readFile(args.in, 'utf8')));
  } catch (error) {
    const invalid = error instanceof InputError || error instanceof SyntaxError || error.code === 'ENOENT';
    return fail(`${args.in}: ${error.message}`, invalid ? ExitCode.invalidInput : ExitCode.runError);
  }
  try {
    await writeFile(args.out, await buildReportHtml(report, await readBrowserBundles()));
  } catch (error) {
    return fail(`cannot write ${args.out}: ${error.message}`, ExitCode.runError);
  }
  console.log(`wrote ${args.out}`);
  return ExitCode.ok;
}

function fail(message, code) {
  console.error(message);
  return code;
}

if (process.argv[1] && realpathSync(process.argv[1]) === import.meta.filename) {
  process.exitCode = await main(process.argv.slice(2));
}

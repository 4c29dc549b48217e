/**
 * Bad input found before anything is rendered. Carries every problem at once so a caller fixes its
 * charts.json or report.json in one pass; the command-line tools exit with code 2 for it.
 */
export class InputError extends Error {
  /** @param {string} source what was being read, e.g. "charts.json" @param {string[]} problems */
  constructor(source, problems) {
    super(`${source} is invalid:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'InputError';
    this.problems = problems;
  }
}

/** Exit codes shared with the harness: 0 ok, 1 run error, 2 invalid input. */
export const ExitCode = Object.freeze({ ok: 0, runError: 1, invalidInput: 2 });

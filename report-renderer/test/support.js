import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** charts.json with one chart of every kind (fresh copy per call, so tests may modify it). */
export function sampleCharts() {
  return JSON.parse(readFileSync(new URL('./fixtures/sample-charts.json', import.meta.url), 'utf8'));
}

/** Path of the sample charts.json, for command-line tests. */
export const sampleChartsPath = new URL('./fixtures/sample-charts.json', import.meta.url).pathname;

/** Runs a test body with a temporary folder that is removed afterwards. */
export async function withTempDir(body) {
  const dir = await mkdtemp(join(tmpdir(), 'bench-report-renderer-'));
  try {
    return await body(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The chart of one kind from the sample, with everything else of charts.json around it. */
export function sampleWith(kind) {
  const input = sampleCharts();
  return { ...input, charts: input.charts.filter((chart) => chart.kind === kind) };
}

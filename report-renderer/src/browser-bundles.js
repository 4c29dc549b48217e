import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Load order matters: vega-lite and vega-embed are UMD bundles that read the globals set before them.
const PACKAGES = ['vega', 'vega-lite', 'vega-embed'];

/**
 * The minified browser builds of vega, vega-lite and vega-embed from this package's dependencies, in
 * load order, so report.html can inline them and open with no network.
 * @returns {Promise<{ name: string, version: string, source: string }[]>}
 */
export async function readBrowserBundles() {
  return Promise.all(PACKAGES.map(readBundle));
}

async function readBundle(name) {
  const root = await packageRoot(name);
  const manifest = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
  // "unpkg" names the self-contained UMD build, the file a CDN would serve for a <script> tag.
  const source = await readFile(join(root, manifest.unpkg ?? manifest.jsdelivr), 'utf8');
  return { name, version: manifest.version, source };
}

// The packages' "exports" hide their build folders, so resolve the entry point and walk up to the
// folder whose package.json carries the package's name.
async function packageRoot(name) {
  let folder = dirname(fileURLToPath(import.meta.resolve(name)));
  for (let depth = 0; depth < 5; depth += 1) {
    const manifest = await readFile(join(folder, 'package.json'), 'utf8').then(JSON.parse, () => null);
    if (manifest?.name === name) return folder;
    folder = dirname(folder);
  }
  throw new Error(`cannot locate the ${name} package folder; run npm ci in report-renderer/`);
}

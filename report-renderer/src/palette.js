// Colours come from Paul Tol's colour-blind-safe "muted" scheme (https://personal.sron.nl/~pault/), with the
// families kept recognisable: greens/teals for Node, blues for Python, purples/reds for .NET.
// Ten backends exceed what any colour-blind-safe palette separates perfectly, so siblings also differ in
// lightness, and every chart carries a legend and tooltips naming the backend.
const FIXED = new Map([
  ['node', '#117733'],
  ['node-cluster', '#44AA99'],
  ['node-offload', '#999933'],
  ['node-aedes', '#882255'],
  ['python', '#332288'],
  ['python-multi', '#88CCEE'],
  ['python-offload', '#4477AA'],
  ['dotnet', '#AA4499'],
  ['dotnet-multi', '#CC6677'],
  ['hybrid', '#DDCC77'],
]);

// Unknown backends draw from Okabe & Ito's colour-blind-safe palette; hashing the name keeps the choice
// identical across charts and runs.
const FALLBACK = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#000000'];

/**
 * The colour of one backend: the colour given in the input wins, then Bench's fixed table, then a colour
 * chosen deterministically from the backend name.
 * @param {string} name backend name
 * @param {string | undefined} [override] a CSS colour from charts.json
 */
export function backendColour(name, override) {
  if (override) return override;
  return FIXED.get(name) ?? FALLBACK[fnv1a(name) % FALLBACK.length];
}

/** The backends Bench knows by name, in legend order. */
export const knownBackends = Object.freeze([...FIXED.keys()]);

// 32-bit FNV-1a over UTF-16 code units: tiny, stable, good enough spread for a handful of names.
function fnv1a(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

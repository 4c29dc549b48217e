// The piscina task module of node-offload: the same kernel as the inline variants, on a worker thread.
export { analyze as default } from './analyze.js';

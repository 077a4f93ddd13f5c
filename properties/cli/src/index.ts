export { loadChange, type LoadedChange } from './services/load-change.ts';
export { runCli } from './run-cli.ts';
export { loadSnapshot } from './services/load-snapshot.ts';

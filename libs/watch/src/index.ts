export { type FileWatcher, watchFiles } from './watch-files.ts';
export { runWatchLoop, type WatchLoop, type WatchLoopOptions } from './watch-loop.ts';
export {
  initialWatchState,
  type Transition,
  transition,
  type WatchEffect,
  type WatchEvent,
  type WatchState,
} from './watch-machine.ts';

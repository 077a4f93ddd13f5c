export { formatDuration } from './durations.ts';
export { jsonReport } from './json-report.ts';
export { junitReport } from './junit-report.ts';
export { plural, progressReporter } from './progress-reporter.ts';
export { formatSummary } from './summary.ts';
export { plainStyle, type TextStyle } from './text-style.ts';
export { githubAnnotations, githubJobSummary } from './github.ts';
export { type LiveProgress, liveProgress } from './live-progress.ts';
export { renderNightlyHtml } from './nightly/render-nightly-html.ts';

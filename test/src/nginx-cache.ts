import { type NginxCache, startNginxCache } from '@mainline/tools';
import { onTestFinished } from 'vitest';
import { makeTempDir } from './temp-dirs.ts';

/** nginx serving a WebDAV cache for the current test, stopped when the test ends. */
export async function startTestNginxCache(): Promise<NginxCache> {
  const nginx = await startNginxCache(makeTempDir('nginx'));
  onTestFinished(() => nginx.stop());
  return nginx;
}

import type { RevertSettings } from '@mainline/culprit';
import type { Settings } from '@mainline/workspace';

/** The revert policy's settings: mainline.json's `revert` and `trunk.revertVia`, flags over them. */
export function revertSettingsOf(
  settings: Settings,
  flags: { readonly via?: 'push' | 'branch'; readonly dryRun?: boolean },
): Partial<RevertSettings> {
  const { minConfidence, maxPerDay, maxAgeHours } = settings.revert ?? {};
  return {
    ...(minConfidence === undefined ? {} : { minConfidence }),
    ...(maxPerDay === undefined ? {} : { maxRevertsPerDay: maxPerDay }),
    ...(maxAgeHours === undefined ? {} : { maxAgeHours }),
    via: flags.via ?? settings.trunk?.revertVia ?? 'push',
    dryRun: flags.dryRun === true,
  };
}

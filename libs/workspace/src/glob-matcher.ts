import picomatch from 'picomatch';

/** Dotfiles are files like any other; paths always use `/`, whatever the platform. */
const options = { dot: true, windows: false } as const;

export type PathTest = (path: string) => boolean;

export function compileGlob(glob: string): PathTest {
  return picomatch(glob, options);
}

/** The folder every match of `glob` lies in, as picomatch reads it ('' when it can be anywhere). */
export function scannedBase(glob: string): string {
  const scan = picomatch.scan(glob);
  return scan.negated ? '' : scan.base;
}

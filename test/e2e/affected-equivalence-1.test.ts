import { equivalenceSuite } from '../src/equivalence-suite.ts';

// Repositories 1-100 of the 200 (see equivalenceSuite); the others run in a file of their
// own, so the two halves run side by side. EQ_REPOS=N runs the first N only.
equivalenceSuite(1, 100);

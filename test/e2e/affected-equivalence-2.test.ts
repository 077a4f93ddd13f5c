import { equivalenceSuite } from '../src/equivalence-suite.ts';

// Repositories 101-200 (see affected-equivalence-1.test.ts).
equivalenceSuite(101, 200);

import { hostileSuite } from './support/run';
import { ENTRIES, writeSpecs } from './support/writes';

// Generated writes of stocktaking entries by both stakeholders and the public: every refused one
// leaves the database as it was, every accepted one is the caller's own draft in the open call
// (see README.md in this folder).
hostileSuite('writes-entries.test.ts', writeSpecs(ENTRIES));

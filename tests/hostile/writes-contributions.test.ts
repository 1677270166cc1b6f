import { hostileSuite } from './support/run';
import { CONTRIBUTIONS, writeSpecs } from './support/writes';

// Generated writes of consultation contributions by both stakeholders and the public: every
// refused one leaves the database as it was, every accepted one is the caller's own draft in the
// open phase of its consultation (see README.md in this folder).
hostileSuite('writes-contributions.test.ts', writeSpecs(CONTRIBUTIONS));

import { findOneSpecs } from './support/reads';
import { hostileSuite } from './support/run';

// Generated requests on the findOne route of every content type: documentIds of published
// documents, of drafts (the editors', and both stakeholders'), of other types, ids and hostile
// strings, with REST queries (see README.md in this folder).
hostileSuite('reads-documents.test.ts', findOneSpecs);

import { feedSpecs, mineSpecs } from './support/reads';
import { hostileSuite } from './support/run';

// Generated requests on the feeds plugin's calendars, feeds, export and OpenAPI document, the
// calls open now and the stakeholders' `/mine` (see README.md in this folder).
hostileSuite('reads-feeds.test.ts', [...feedSpecs, ...mineSpecs]);

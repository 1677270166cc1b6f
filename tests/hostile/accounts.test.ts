import { accountSpecs, plantAccountTokens, type AccountTokens } from './support/accounts';
import { hostileSuite } from './support/run';

// Generated requests on the account routes anyone can reach (see README.md in this folder): the
// confirmation links and reset codes of accounts registered first are among what is sent.
let tokens: AccountTokens;
hostileSuite(
  'accounts.test.ts',
  accountSpecs(() => tokens),
  {
    setup: async ({ world }) => {
      tokens = await plantAccountTokens(world);
    },
  },
);

import { guardPasswordHashing, wellFormed } from '../password-hashing';

// Found by the hostile-input suite (tests/hostile): POST /api/auth/local with the password "\udfff"
// aborted the server process (bcryptjs 2.4.3 never returns on a lone surrogate). Without the guard
// this test file itself would abort.
describe('password hashing', () => {
  const bcrypt = require('bcryptjs');

  it('replaces lone surrogates, and only them', () => {
    expect(wellFormed('a\ud800b\udfffc')).toBe('a\ufffdb\ufffdc');
    expect(wellFormed('Genève-2012 🇨🇭')).toBe('Genève-2012 🇨🇭');
  });

  it('lets bcryptjs hash and compare passwords holding lone surrogates, as their well-formed text', async () => {
    expect(guardPasswordHashing()).toBe(1);
    expect(guardPasswordHashing()).toBe(0);
    const hash = bcrypt.hashSync('pass\ud800word', 4);
    expect(bcrypt.compareSync('pass\ufffdword', hash)).toBe(true);
    expect(await bcrypt.compare('\udfff', hash)).toBe(false);
    expect(await bcrypt.compare('pass\ud800word', await bcrypt.hash('pass\ud800word', 4))).toBe(true);
    expect(bcrypt.compareSync('password', bcrypt.hashSync('password', 4))).toBe(true);
  });
});

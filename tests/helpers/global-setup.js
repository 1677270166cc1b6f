// Tests boot the compiled app (dist/); `npm test` compiles first (the pretest script).
const fs = require('fs');
const path = require('path');

module.exports = async () => {
  const entry = path.resolve(__dirname, '../../dist/src/index.js');
  if (!fs.existsSync(entry)) throw new Error('dist/ is missing: run `npm test` (it compiles the app first) or `npm run compile`.');
};

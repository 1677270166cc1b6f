// Compiles the app (and the local plugins under src/plugins) into dist/, as `strapi develop`
// and `strapi build` do. Tests boot this compiled app.
const { compileStrapi } = require('@strapi/strapi');

compileStrapi({ appDir: process.cwd() })
  .then(({ distDir }) => console.log(`Compiled into ${distDir}`))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });

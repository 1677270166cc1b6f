import { createHash } from 'crypto';

/** What Strapi's generator reads: Strapi's version, each content type and component (uid first), the declared routes. */
export type GeneratorInputs = {
  version: string;
  models: [uid: string, ...definition: unknown[]][];
  routes: unknown[][];
};

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A digest of the generator's inputs that is the same at every boot of the same app. Strapi reads
 * the component files asynchronously, so `strapi.components` lists them in a different order from
 * one boot to the next: the models are sorted by uid, and the routes by their text.
 */
export function fingerprintOf({ version, models, routes }: GeneratorInputs): string {
  const sortedModels = [...models].sort(([a], [b]) => byText(a, b));
  const sortedRoutes = routes.map((route) => JSON.stringify(route)).sort(byText);
  return createHash('sha1')
    .update(JSON.stringify({ version, models: sortedModels, routes: sortedRoutes }))
    .digest('hex');
}

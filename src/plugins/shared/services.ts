import type { Core } from '@strapi/strapi';

type Factories = Record<string, (...args: never[]) => unknown>;
export type ServicesOf<T extends Factories> = { [Name in keyof T]: ReturnType<T[Name]> };

/**
 * A typed `getService` for one plugin, in the style of Strapi's own plugins:
 * `const getService = serviceGetter<typeof services>('deadlines')`, then
 * `getService(strapi, 'windows').loadSources(...)` is typed from the service's factory.
 */
export const serviceGetter =
  <T extends Factories>(plugin: string) =>
  <Name extends keyof T & string>(strapi: Core.Strapi, name: Name): ServicesOf<T>[Name] =>
    strapi.plugin(plugin).service(name) as ServicesOf<T>[Name];

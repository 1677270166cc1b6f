import type { Core, UID } from '@strapi/strapi';
import { desiredConfiguration, mergeConfiguration, type ManagedConfiguration } from '../../domain/layouts';
import type { AdminLayoutsConfig } from '../config';

type Metadata = {
  edit?: Record<string, unknown> & { label?: string; description?: string };
  list?: Record<string, unknown> & { label?: string };
};
interface StoredConfiguration {
  settings: Record<string, unknown>;
  metadatas: Record<string, Metadata>;
  layouts: { list: string[]; edit: { name: string; size: number }[][] };
}
interface ContentTypesService {
  findConfiguration(contentType: { uid: string }): Promise<StoredConfiguration & { uid: string }>;
  updateConfiguration(contentType: { uid: string }, configuration: StoredConfiguration): Promise<unknown>;
}

const STORE = { type: 'plugin', name: 'admin-layouts' } as const;
const DEFAULT_SIZE = 6;

/** Reads and writes the content manager's stored view configuration of each configured type. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const contentManager = () => strapi.plugin('content-manager').service('content-types') as ContentTypesService;

  const managed = (stored: StoredConfiguration): ManagedConfiguration => ({
    list: stored.layouts.list,
    labels: Object.fromEntries(
      Object.entries(stored.metadatas).map(([name, metadata]) => [
        name,
        { label: metadata.edit?.label ?? name, description: metadata.edit?.description ?? '' },
      ]),
    ),
    edit: stored.layouts.edit.map((row) => row.map((field) => field.name)),
  });

  const written = (stored: StoredConfiguration, next: ManagedConfiguration, readOnly: string[]): StoredConfiguration => {
    const sizes = new Map(stored.layouts.edit.flat().map((field) => [field.name, field.size]));
    const metadatas = Object.fromEntries(
      Object.entries(stored.metadatas).map(([name, metadata]) => {
        const wanted = next.labels[name];
        const edit = { ...metadata.edit, ...(readOnly.includes(name) && { editable: false }) };
        if (!wanted) return [name, { ...metadata, edit }];
        return [
          name,
          {
            ...metadata,
            edit: { ...edit, label: wanted.label, description: wanted.description },
            list: { ...metadata.list, label: wanted.label },
          },
        ];
      }),
    );
    return {
      ...stored,
      metadatas,
      layouts: {
        ...stored.layouts,
        list: next.list,
        edit: next.edit.map((row) => row.map((name) => ({ name, size: sizes.get(name) ?? DEFAULT_SIZE }))),
      },
    };
  };

  return {
    /** Applies the configured layouts; an admin's later change to a part is kept (see mergeConfiguration). */
    async apply(): Promise<string[]> {
      const { types } = strapi.config.get('plugin::admin-layouts') as AdminLayoutsConfig;
      const store = strapi.store(STORE);
      const applied = ((await store.get({ key: 'applied' })) ?? {}) as Record<string, ManagedConfiguration>;
      const changed: string[] = [];
      for (const [uid, layout] of Object.entries(types)) {
        if (!strapi.contentTypes[uid as UID.ContentType]) {
          strapi.log.warn(`[admin-layouts] ${uid} is not a content type: its layout is skipped`);
          continue;
        }
        const stored = await contentManager().findConfiguration({ uid });
        if (!stored?.layouts?.edit) continue;
        const current = managed(stored);
        const attributes = Object.keys(stored.metadatas).filter((name) => name !== 'id' && name !== 'documentId');
        const { next, record } = mergeConfiguration(current, desiredConfiguration(layout, attributes, current), applied[uid]);
        const readOnly = (layout.readOnly ?? []).filter((name) => name in stored.metadatas);
        const editable = readOnly.some((name) => stored.metadatas[name].edit?.editable !== false);
        if (editable || JSON.stringify(next) !== JSON.stringify(current)) {
          await contentManager().updateConfiguration({ uid }, written(stored, next, readOnly));
          changed.push(uid);
        }
        applied[uid] = record;
      }
      await store.set({ key: 'applied', value: applied });
      return changed;
    },
  };
};

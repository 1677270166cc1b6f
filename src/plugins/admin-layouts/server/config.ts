import type { TypeLayout } from '../domain/layouts';

export interface AdminLayoutsConfig {
  /** Per content type (or component) uid: its list view, labels and edit layout. */
  types: Record<string, TypeLayout>;
}

export default {
  default: { types: {} } satisfies AdminLayoutsConfig,
  validator(config: AdminLayoutsConfig) {
    for (const [uid, layout] of Object.entries(config.types ?? {})) {
      for (const row of layout.edit ?? [])
        if (!Array.isArray(row)) throw new Error(`admin-layouts: ${uid}.edit must be a list of rows (lists of attribute names)`);
      if (layout.readOnly !== undefined && !Array.isArray(layout.readOnly))
        throw new Error(`admin-layouts: ${uid}.readOnly must be a list of attribute names`);
    }
  },
};

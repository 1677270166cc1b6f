/**
 * Which content types carry windows, and which content types are submitted through them.
 * Everything here is data: a new windowed type is one more entry under `windowed`.
 */
export interface WindowSourceConfig {
  /** Attribute paths on the source document ('venue.timezone' reads a component field). */
  opensAt?: string;
  closesAt: string;
  timezone?: string;
  extensions?: string;
  editableUntil?: string;
  lateSubmitters?: string;
}

export interface WindowedTypeConfig {
  /** The relation that points at the window source (a call, a phase, an edition). */
  window: string;
  /** Conditions the source must meet, e.g. `{ acceptsContributions: true }`. */
  match?: Record<string, unknown>;
  /** The source must belong to the same parent as the submission, e.g. the phase's consultation. */
  sameParent?: { field: string; sourceField: string };
  /** Only writes touching these attributes are windowed (e.g. a session's `summary`). Default: all. */
  fields?: string[];
  /** Boolean attribute the server sets: true when a named late submitter submits after closing. */
  lateFlag?: string;
}

export interface DeadlinesConfig {
  sources: Record<string, WindowSourceConfig>;
  windowed: Record<string, WindowedTypeConfig>;
}

export default {
  default: { sources: {}, windowed: {} } satisfies DeadlinesConfig,
  validator(config: DeadlinesConfig) {
    for (const [uid, windowed] of Object.entries(config.windowed ?? {})) {
      if (!windowed.window) throw new Error(`deadlines: windowed type ${uid} needs a \`window\` relation`);
    }
    for (const [uid, source] of Object.entries(config.sources ?? {})) {
      if (!source.closesAt) throw new Error(`deadlines: window source ${uid} needs a \`closesAt\` attribute`);
    }
  },
};

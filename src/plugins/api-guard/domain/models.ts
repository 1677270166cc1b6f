/** What the guard needs to know of a content type or component, read from Strapi's model by the server layer. */
export interface ModelInfo {
  draftAndPublish: boolean;
  /** Relation attributes: their target and whether they hold many documents. */
  relations: Record<string, { target: string; toMany: boolean }>;
  /** Component attributes and the component they hold. */
  components: Record<string, string>;
  /** Every attribute `populate: '*'` reaches (relations, media, components, dynamic zones). */
  populatable: string[];
  /** The Strapi type of each scalar attribute and system field (`id`: increments, `createdAt`: datetime...). */
  scalars?: Record<string, string>;
}

export type ModelLookup = (uid: string) => ModelInfo | undefined;

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && [Object.prototype, null].includes(Object.getPrototypeOf(value));

export const isOperator = (key: string) => key.startsWith('$');

/** A refusal that the server layer turns into a 4xx with `details.code`. */
export class GuardError extends Error {
  constructor(
    public readonly code: string,
    message: string,
    public readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'GuardError';
  }
}

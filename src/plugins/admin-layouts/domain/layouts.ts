/** How a content type shows in the admin's content manager, as configuration declares it. */
export interface TypeLayout {
  /** Columns of the list view, in order. */
  list?: string[];
  /** Per attribute: its label, or its label and a description (help text under the input). */
  labels?: Record<string, string | { label: string; description?: string }>;
  /** Rows of the edit view: attribute names per row (each row at most 12 columns wide). */
  edit?: string[][];
  /**
   * Attributes shown but not editable in the edit view: those only the server writes (a review
   * state). Always applied: the server refuses a change to them whatever the view allows.
   */
  readOnly?: string[];
}

/** The part of the content manager's stored configuration this plugin writes. */
export interface ManagedConfiguration {
  list: string[];
  labels: Record<string, { label: string; description: string }>;
  edit: string[][];
}

/** `editableUntil` → "Editable until", `outcomeSummaryDeadline` → "Outcome summary deadline". */
export function humanize(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** What a type's layout asks for: every attribute labelled (humanized unless configured). */
export function desiredConfiguration(layout: TypeLayout, attributes: string[], current: ManagedConfiguration): ManagedConfiguration {
  const labels: ManagedConfiguration['labels'] = {};
  for (const name of attributes) {
    const configured = layout.labels?.[name];
    const label = typeof configured === 'string' ? configured : (configured?.label ?? humanize(name));
    const description = typeof configured === 'object' ? (configured.description ?? '') : (current.labels[name]?.description ?? '');
    labels[name] = { label, description };
  }
  return {
    list: (layout.list ?? current.list).filter(
      (name) => attributes.includes(name) || ['id', 'documentId', 'createdAt', 'updatedAt'].includes(name),
    ),
    labels,
    edit: layout.edit
      ? withTheRest(
          layout.edit.map((row) => row.filter((name) => attributes.includes(name))).filter((row) => row.length > 0),
          current.edit,
        )
      : current.edit,
  };
}

/**
 * What to write now: each part (the list, each label, the edit layout) takes the desired value
 * only while the stored one is still what this plugin last wrote (or it never wrote it): an
 * admin's later change in the content manager's "Configure the view" stays.
 */
export function mergeConfiguration(
  current: ManagedConfiguration,
  desired: ManagedConfiguration,
  applied: ManagedConfiguration | undefined,
): { next: ManagedConfiguration; record: ManagedConfiguration } {
  const untouched = <T>(now: T, before: T | undefined) => before === undefined || JSON.stringify(now) === JSON.stringify(before);
  const labels: ManagedConfiguration['labels'] = { ...current.labels };
  // What this plugin wrote: a part an admin changed keeps its old record, so it stays the admin's.
  const recordedLabels: ManagedConfiguration['labels'] = { ...(applied?.labels ?? {}) };
  for (const [name, wanted] of Object.entries(desired.labels)) {
    if (!untouched(current.labels[name], applied?.labels[name])) continue;
    labels[name] = wanted;
    recordedLabels[name] = wanted;
  }
  const listOurs = untouched(current.list, applied?.list);
  const editOurs = untouched(current.edit, applied?.edit);
  return {
    next: { list: listOurs ? desired.list : current.list, labels, edit: editOurs ? desired.edit : current.edit },
    record: { list: listOurs ? desired.list : applied!.list, labels: recordedLabels, edit: editOurs ? desired.edit : applied!.edit },
  };
}

/** The configured rows, then the current rows less what they placed: no field leaves the edit view. */
function withTheRest(rows: string[][], current: string[][]): string[][] {
  const placed = new Set(rows.flat());
  return [...rows, ...current.map((row) => row.filter((name) => !placed.has(name))).filter((row) => row.length > 0)];
}

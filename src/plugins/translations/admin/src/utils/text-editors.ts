export interface TextField {
  name: string;
  /** The label the edit view shows for it. */
  label: string;
}

const RICH_EDITORS = '.CodeMirror, [contenteditable="true"]';

const labelText = (label: HTMLLabelElement) => (label.textContent ?? '').replace(/\*\s*$/, '').trim();

/**
 * Where the edit view takes a field's text: its input or textarea (named after the attribute), or
 * its markdown or blocks editor, which carry no name: those are found in the field beside its label.
 */
export function textEditorsOf(root: ParentNode, field: TextField): HTMLElement[] {
  const named = [
    ...root.querySelectorAll<HTMLElement>(`input[name="${CSS.escape(field.name)}"], textarea[name="${CSS.escape(field.name)}"]`),
  ];
  if (named.length > 0) return named;
  const editors: HTMLElement[] = [];
  for (const label of root.querySelectorAll<HTMLLabelElement>('label')) {
    if (labelText(label) !== field.label) continue;
    let container = label.parentElement;
    for (let depth = 0; container && depth < 6 && !container.querySelector(RICH_EDITORS); depth += 1) container = container.parentElement;
    const editor = container?.querySelector<HTMLElement>(RICH_EDITORS);
    if (editor) editors.push(editor, ...editor.querySelectorAll<HTMLElement>('.CodeMirror-code'));
  }
  return editors;
}

type CodeMirrorWrapper = HTMLElement & { CodeMirror?: { setOption(name: 'direction', value: 'ltr' | 'rtl'): void } };

/**
 * Writes an editor's text in `direction`. The markdown editor (CodeMirror 5, which styles itself
 * left to right) also needs its own option, so that its lines and cursor follow.
 */
export function setDirection(element: HTMLElement, direction: 'ltr' | 'rtl' | null) {
  if (direction) element.setAttribute('dir', direction);
  else element.removeAttribute('dir');
  (element as CodeMirrorWrapper).CodeMirror?.setOption('direction', direction ?? 'ltr');
}

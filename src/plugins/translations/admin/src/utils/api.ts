/** What GET /translations/queue answers (server/services/status.ts). */
export type TodoStatus = 'missing' | 'untranslated' | 'outdated';

export interface TodoItem {
  contentType: string;
  documentId: string;
  title: unknown;
  locale: string;
  status: TodoStatus;
  fields: { field: string; status: TodoStatus }[];
}

export interface Queue {
  locale: string;
  sourceLocale: string;
  items: TodoItem[];
}

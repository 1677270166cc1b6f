import { contextSlot } from '../../shared/async-context';

/** What the plugin's own actions are doing, for its Document Service middleware: nothing in a payload reaches it. */
export interface WriteIntent {
  /** Submitting: the answers must be complete and the submission time is the server's. */
  submitting?: boolean;
  /** Carrying an entry forward: its link to the previous entry is the server's. */
  carrying?: boolean;
}

const intent = contextSlot<WriteIntent>('questionnaire write intent');

export const runWithIntent = <T>(value: WriteIntent, work: () => Promise<T>): Promise<T> => intent.run(value, work);

export const currentIntent = (): WriteIntent => intent.getStore() ?? {};

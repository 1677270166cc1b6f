import { contextSlot } from './async-context';

const trusted = contextSlot<boolean>('trusted');

/**
 * Runs trusted code (the seed, a migration) without the rules that plugins enforce on writes
 * (windows, submission shapes). Only code can call it: nothing in a request reaches it.
 */
export const runTrusted = <T>(work: () => Promise<T>): Promise<T> => trusted.run(true, work);

export const isTrusted = (): boolean => trusted.getStore() === true;

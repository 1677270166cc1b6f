export * from './questions';
export * from './schema';
export * from './messages';
export * from './validate';
export * from './changes';
export * from './answers';

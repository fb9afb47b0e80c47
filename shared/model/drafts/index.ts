export * from './drafts';
export * from './duration';
export * from './permissions';

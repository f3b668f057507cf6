export * from './edit-context';
export * from './field-patch';
export * from './cell-edits';
export * from './initiative-edits';
export * from './programme-factory';
export * from './reorder';
export * from './need-edits';

export * from './vocabulary';
export * from './model';
export * from './errors';
export * from './contract';
export * from './schemas';
export { SWEDISH_REGIONS } from './regions';

/**
 * The store, its validator registered: what commands and tests import. The app imports
 * store-core.ts and loads the validator only when there is a file to read.
 */
import { registerStoreValidator } from './store-core.js';
import { validateStore } from './validate.js';

registerStoreValidator(validateStore);

export * from './store-core.js';

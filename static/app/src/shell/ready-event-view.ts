/**
 * What @forge/bridge's emitReadyEvent.js gets when it imports './view' (see vite.config.ts): it only
 * calls view.getContext(), and the bridge's own view object would bring every other view API along.
 */
export { getContext } from '@forge/bridge/out/view/getContext';
import { getContext } from '@forge/bridge/out/view/getContext';

export const view = { getContext };

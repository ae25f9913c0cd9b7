import type { Handler } from '../context';
import type { VendoredOperationId } from '../vendor';
import { dataConfigHandlers } from './dataconfig';
import { destinationHandlers } from './destinations';
import { environmentHandlers } from './environment';
import { eventHandlers } from './events';
import { sourceHandlers } from './sources';

/** One handler per vendored operationId; a test checks none is missing. */
export const HANDLERS: Partial<Record<VendoredOperationId, Handler>> = {
  ...environmentHandlers,
  ...sourceHandlers,
  ...destinationHandlers,
  ...dataConfigHandlers,
  ...eventHandlers,
};

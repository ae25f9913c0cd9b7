import type { Rule } from './types';

/** Every semantic rule, in the order they run. A meta-test keeps this list, the files and the README in step. */
export const RULES: readonly Rule[] = [];

import { JAHS_OP_NAMES } from '@jahskit/spaces';

/** The cell edges Op1..Op6, in the surrogate's column order (re-exported for the encoders). */
export const JAHS_OPS = JAHS_OP_NAMES;

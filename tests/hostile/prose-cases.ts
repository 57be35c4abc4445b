/**
 * Hostile inputs: Text that header and footer rules must not remove without the metadata saying so, and text the data exports must keep readable.
 */
import type { HostileCase } from './case.ts';

export const PROSE_CASES: HostileCase[] = [];

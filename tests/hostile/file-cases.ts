/**
 * Hostile inputs: Files that are not regular files inside content/ (links, pipes, devices, folders), oversized or unportable file names, a tampered cache, stray files in statements/.
 */
import type { HostileCase } from './case.ts';

export const FILE_CASES: HostileCase[] = [];

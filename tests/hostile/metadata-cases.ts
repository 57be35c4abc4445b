/**
 * Hostile inputs: Metadata decoded and checked as strictly as sources: encodings, YAML features (tags, aliases, nesting), text checks on every field (source.url included), and everything the build needs checked before it.
 */
import type { HostileCase } from './case.ts';

export const METADATA_CASES: HostileCase[] = [];

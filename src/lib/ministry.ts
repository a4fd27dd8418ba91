/**
 * Ministry slugs for /ministries/<slug>/ URLs: the same romanised slugs the record ids use
 * (scripts/lib/ids.ts owns the table), so a ministry's list URL and its sheets' ids agree.
 */
export { ministrySlug, MINISTRY_SLUGS } from '../../scripts/lib/ids.ts';

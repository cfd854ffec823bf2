import type { EntityRow } from './rows.js';

/**
 * What the statistics statements (cypher/statistics/) return, and the arguments the
 * responseStatistics field hands down to each of its figures.
 */

export interface ResponseStatisticsRow {
  /** As given (YYYY-MM-DD) or null. */
  asOf: string | null;
  sourceId: string | null;
}

export interface AttributionYearRow {
  accused: EntityRow;
  year: number | null;
  attributions: number;
  incidents: number;
}

export interface AttributorAccusedRow {
  attributor: EntityRow;
  accused: EntityRow;
  attributions: number;
  incidents: number;
}

export interface ResponseShareRow {
  accused: EntityRow;
  incidents: number;
  political: number;
  legal: number;
  either: number;
}

export interface TimeToAttributionRow {
  accused: EntityRow;
  incidents: number;
  medianDays: number;
  minDays: number;
  maxDays: number;
  negative: number;
}

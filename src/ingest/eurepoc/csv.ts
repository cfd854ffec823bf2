import { parse } from 'csv-parse/sync';
import { ChangesetError } from '../../write/changeset.js';

/**
 * The EuRepoC Global Database CSV as rows of named cells, read with csv-parse (quoted fields with
 * commas and line breaks, a byte-order mark). Recognised by its header.
 */

/** The header of release 1.1, in order: a file with exactly this header is cited as that release. */
export const RELEASE_1_1_COLUMNS = [
  'ID', 'name', 'description', 'start_date', 'end_date', 'inclusion_criteria', 'inclusion_criteria_subcode',
  'source_incident_detection_disclosure', 'incident_type', 'receiver_name', 'receiver_country', 'receiver_region',
  'receiver_category', 'receiver_category_subcode', 'initiator_name', 'initiator_country', 'initiator_category',
  'initiator_category_subcode', 'number_of_attributions', 'attribution_date', 'attribution_type', 'attribution_basis',
  'attributing_actor', 'attribution_it_company', 'attributing_country', 'attributed_initiator',
  'attributed_initiator_country', 'attributed_initiator_category', 'attributed_initiator_subcategory',
  'sources_attribution', 'cyber_conflict_issue', 'offline_conflict_issue', 'offline_conflict_name_HIIK',
  'offline_conflict_intensity', 'offline_conflict_intensity_subcode', 'number_of_political_responses',
  'political_response_date', 'political_response_type', 'political_response_type_subcode',
  'political_response_country', 'political_response_actor', 'zero_days', 'zero_days_subcode', 'MITRE_initial_access',
  'MITRE_impact', 'user_interaction', 'has_disruption', 'data_theft', 'disruption', 'hijacking',
  'physical_effects_spatial', 'physical_effects_temporal', 'unweighted_cyber_intensity', 'target_multiplier',
  'weighted_cyber_intensity', 'impact_indicator', 'impact_indicator_value', 'functional_impact', 'intelligence_impact',
  'political_impact_affected_entities', 'political_impact_affected_entities_exact_value',
  'political_impact_third_countries', 'political_impact_third_countries_exact_value', 'economic_impact',
  'economic_impact_exact_value', 'economic_impact_currency', 'state_responsibility_indicator', 'IL_breach_indicator',
  'IL_breach_indicator_subcode', 'evidence_for_sanctions_indicator', 'number_of_legal_responses', 'legal_response_date',
  'legal_response_type', 'legal_response_type_subcode', 'legal_response_country', 'legal_response_actor',
  'legal_attribution_reference', 'legal_attribution_reference_subcode', 'legal_response_indicator', 'casualties',
  'sources_url',
] as const; // prettier-ignore

/** The columns the mapping reads: a file without one of them is refused. */
export const REQUIRED_COLUMNS: readonly string[] = [
  'ID', 'name', 'description', 'start_date', 'end_date', 'incident_type', 'receiver_name', 'receiver_country',
  'receiver_category', 'receiver_category_subcode', 'initiator_name', 'initiator_country', 'initiator_category',
  'initiator_category_subcode', 'number_of_attributions', 'attribution_date', 'attribution_type', 'attribution_basis',
  'attributing_actor', 'attributing_country', 'attributed_initiator', 'attributed_initiator_country',
  'attributed_initiator_category', 'sources_attribution', 'number_of_political_responses', 'political_response_date',
  'political_response_type', 'political_response_type_subcode', 'political_response_country',
  'political_response_actor', 'number_of_legal_responses', 'legal_response_date', 'legal_response_type',
  'legal_response_type_subcode', 'legal_response_country', 'legal_response_actor', 'sources_url',
]; // prettier-ignore

export type CsvRow = Record<string, string>;

export interface EurepocCsv {
  columns: string[];
  /** `row` counts data rows from 1 (a quoted cell may span several lines of the file). */
  rows: Array<{ row: number; cells: CsvRow }>;
  /** The header is exactly that of release 1.1. */
  isRelease11: boolean;
}

function firstLine(text: string): string {
  const end = text.search(/\r?\n/);
  return (end < 0 ? text : text.slice(0, end)).replace(/^\uFEFF/, '');
}

/** A EuRepoC CSV starts with its header: ID, name, description, … and the attribution columns. */
export function looksLikeEurepocCsv(bytes: Buffer): boolean {
  const head = firstLine(bytes.subarray(0, 8192).toString('utf8'))
    .split(',')
    .map((cell) => cell.trim().replace(/^"|"$/g, ''));
  return head[0] === 'ID' && head.includes('number_of_attributions') && head.includes('attributed_initiator');
}

export function readEurepocCsv(text: string, origin: string): EurepocCsv {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_quotes: false }) as string[][];
  } catch (error) {
    throw new ChangesetError(origin, [{ at: origin, message: `is not a readable CSV file: ${(error as Error).message}` }]);
  }
  const [header, ...body] = records;
  if (header === undefined) throw new ChangesetError(origin, [{ at: origin, message: 'is empty: no header row' }]);
  const columns = header.map((cell) => cell.trim());
  const missing = REQUIRED_COLUMNS.filter((column) => !columns.includes(column));
  if (missing.length > 0) {
    throw new ChangesetError(origin, [{ at: `${origin} header`, message: `lacks the EuRepoC column(s) ${missing.join(', ')}` }]);
  }
  const rows = body.map((cells, index) => {
    const row: CsvRow = {};
    columns.forEach((column, i) => {
      row[column] = cells[i] ?? '';
    });
    return { row: index + 1, cells: row };
  });
  const isRelease11 =
    columns.length === RELEASE_1_1_COLUMNS.length && RELEASE_1_1_COLUMNS.every((column, i) => columns[i] === column);
  return { columns, rows, isRelease11 };
}

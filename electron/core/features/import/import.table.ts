import type { Generated } from 'kysely';

export interface ImportMappingsTable {
  id: Generated<number>;
  kind: string;
  name: string;
  mapping: string;
  created_at: string;
  created_by: number;
  updated_at: string;
}

export interface ImportReportsTable {
  id: Generated<number>;
  kind: string;
  file_name: string;
  encoding: string | null;
  separator: string | null;
  row_count: number;
  created: number;
  updated: number;
  duplicates: number;
  rejected: number;
  rejected_rows: string;
  at: string;
  by: number;
}

export interface ImportFingerprintsTable {
  fingerprint: string;
  report_id: number;
  entity_id: number | null;
}

export interface ImportTables {
  import_mappings: ImportMappingsTable;
  import_reports: ImportReportsTable;
  import_fingerprints: ImportFingerprintsTable;
}

// Schemas of CSV/XLSX import and export: filled by the transfer feature.
export {}

// The monthly cash flow, its XLSX/CSV export and the outlook (treasurer issue). Call names: cashflow.*
export const cashflowCalls = {};

// The cash book (treasurer issue): accounts, categories, income and expenses, transfers, reversals, volunteer advances to reimburse. Call names: accounts.*, cashbook.*
export const cashbookCalls = {};

// The audit log: search and verify (privacy issue). Call names: audit.*
export const auditCalls = {};

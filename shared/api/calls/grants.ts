// Grants with budget lines and tranches, the annual budget, leases and rent due, in-kind contributions (treasurer issue). Call names: grants.*, budget.*, rent.*, inKind.*
export const grantsCalls = {};

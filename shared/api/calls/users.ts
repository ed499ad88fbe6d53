// Users, sign-in, PIN unlock, lock-out and sessions (privacy issue). Call names: auth.*, users.*
export const usersCalls = {};

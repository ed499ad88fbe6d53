// Calls of the plans feature (coordinator issue). Declared with call()/returns() from ../define.
export const plansCalls = {} as const;

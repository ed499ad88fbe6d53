// Calls of the tasks feature (coordinator issue). Declared with call()/returns() from ../define.
export const tasksCalls = {} as const;

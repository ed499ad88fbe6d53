// Calls of the volunteers feature (coordinator issue). Declared with call()/returns() from ../define.
export const volunteersCalls = {} as const;

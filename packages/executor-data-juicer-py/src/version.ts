/** This package's version, as published. */
export const version = '0.1.0';
